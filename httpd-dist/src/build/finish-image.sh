#!/usr/bin/env bash
# Completes the jlink runtime at $1 (target/httpd) into the httpd image, trains its AOT cache,
# then packs it.
#   $1 image folder   $2 dist sources (src/main/dist)   $3 sdk jars folder   $4 tar.gz to write
#   $5 README.md to ship (beside bin/, and as www/README.txt, which the sample site links)
# A failed training gives an image without a cache, never a failed build; the tar.gz is
# written beside and moved into place, so a failed build never leaves an older one behind.
set -euo pipefail
image=$1 dist=$2 sdk=$3 tarball=$4 readme=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
rm -f "$tarball" "$tarball.part"
cp -R "$dist"/. "$image"/
chmod 755 "$image/bin/httpd"
mkdir -p "$image/plugins" "$image/logs" "$image/sdk"
if [ -d "$sdk" ]; then cp -R "$sdk"/. "$image/sdk/"; fi # sdk/: jars, repository/, example/
if [ -n "$readme" ]; then cp "$readme" "$image/README.md"; cp "$readme" "$image/www/README.txt"; fi

if ! bash "$here/train-aot.sh" "$image" "$image/lib/httpd.aot"; then
  echo "finish-image: AOT training failed; the image ships without lib/httpd.aot" >&2
  rm -f "$image/lib/httpd.aot"
fi

tar -czf "$tarball.part" -C "$(dirname "$image")" "$(basename "$image")"
mv "$tarball.part" "$tarball"
