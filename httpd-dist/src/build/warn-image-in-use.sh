#!/usr/bin/env bash
# Says so when a server is running from the image this build is about to replace: it keeps
# running on the deleted files (no new code, and a HUP cannot bring it), so restart it from the
# new image once the build is done, or run servers from an unpacked copy of the tar.gz.
#   usage: warn-image-in-use.sh IMAGE
image=$1
[ -d "$image" ] || exit 0
java=$(cd "$image" && pwd -P)/bin/java
for exe in /proc/[0-9]*/exe; do
  if [ "$(readlink "$exe" 2>/dev/null)" = "$java" ]; then
    pid=${exe#/proc/}; pid=${pid%/exe}
    echo "[WARNING] httpd-dist: a server (pid $pid) is running from $image, which this build" \
         "replaces; it keeps the old files until you restart it from the new image."
  fi
done
exit 0
