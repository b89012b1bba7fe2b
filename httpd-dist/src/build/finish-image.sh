#!/bin/sh
# Completes the jlink runtime at $1 (target/httpd) into the httpd image, then packs it.
#   $1 image folder   $2 dist sources (src/main/dist)   $3 sdk jars folder   $4 tar.gz to write
set -eu
image=$1 dist=$2 sdk=$3 tarball=$4
cp -R "$dist"/. "$image"/
chmod 755 "$image/bin/httpd"
mkdir -p "$image/plugins" "$image/logs" "$image/sdk"
if [ -d "$sdk" ]; then cp "$sdk"/* "$image/sdk/"; fi
tar -czf "$tarball" -C "$(dirname "$image")" "$(basename "$image")"
