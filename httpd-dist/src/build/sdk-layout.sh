#!/usr/bin/env bash
# Lays out the image's sdk/ in $1 (target/sdk, which finish-image.sh copies into the image):
#   repository/  a file-based Maven repository: httpd-api (+ sources, javadoc), httpd-testkit
#                (+ sources) and everything the test kit needs, parent poms included
#   example/     the author guide's plugin as a standalone Maven project (its pom from $5, its
#                sources and tests from the example plugin module $4, the guide's own check left out)
#   README.md    the plugin author guide
#   $1 sdk folder  $2 httpd version  $3 httpd-testkit's target/  $4 httpd-plugin-example/
#   $5 sample project template (src/main/sdk/example)  $6 the guide (httpd-api/README.md)
set -euo pipefail
sdk=$1 version=$2 testkit=$3 example=$4 template=$5 guide=$6
repo="$sdk/repository"
rm -rf "$repo" "$sdk/example"
mkdir -p "$repo"
cp -R "$testkit/sdk-repository/." "$repo/"
# what a local repository keeps about its origins means nothing in a remote one
find "$repo" \( -name '_remote.repositories' -o -name 'maven-metadata-local.xml' \) -delete
api="$repo/io/httpd/httpd-api/$version" kit="$repo/io/httpd/httpd-testkit/$version"
mkdir -p "$kit"
cp "$sdk/httpd-api-$version-sources.jar" "$sdk/httpd-api-$version-javadoc.jar" "$api/"
cp "$testkit/httpd-testkit-$version.jar" "$testkit/httpd-testkit-$version-sources.jar" "$kit/"
cp "$testkit/../pom.xml" "$kit/httpd-testkit-$version.pom"
rm -f "$sdk/httpd-api-$version.pom" # its parent is in repository/, not beside it

mkdir -p "$sdk/example"
cp -R "$template/." "$sdk/example/"
sed -i "s/@HTTPD_VERSION@/$version/" "$sdk/example/pom.xml"
cp -R "$example/src" "$sdk/example/"
rm -f "$sdk/example/src/test/java/example/greeting/AuthorGuideTest.java"
cp "$guide" "$sdk/README.md"

# checksums, as a remote repository has them (Maven warns on every file without)
find "$repo" -type f ! -name '*.sha1' -print0 | while IFS= read -r -d '' f; do
  sha1sum "$f" | cut -d' ' -f1 > "$f.sha1"
done
