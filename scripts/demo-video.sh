#!/usr/bin/env bash
# The demo's camera video (mocks/city/camera-streams.ts): a short looping test pattern as HLS (fMP4 segments) and a
# still picture, written by Debian's ffmpeg (scripts/ensure-ffmpeg.sh) into the git-ignored public/demo-video/ at
# predev and prebuild. Well under 1 MB; kept when already there. Without ffmpeg the demo runs on and its players
# say the stream is not found, so a missing ffmpeg is a warning here, not a failed build.
set -euo pipefail
cd "$(dirname "$0")/.."
out=public/demo-video
[ -f "$out/stream.m3u8" ] && [ -f "$out/snapshot.jpg" ] && exit 0
if ! command -v ffmpeg >/dev/null; then
  echo "demo-video: ffmpeg is missing (bash scripts/ensure-ffmpeg.sh), so the demo cameras have no video" >&2
  exit 0
fi
work=$(mktemp -d public/.demo-video.XXXXXX)
trap 'rm -rf "$work"' EXIT
# 8 s of 320×180 at 10 frames a second, a key frame each second, 2-second segments: about 200 kB. A moving
# pattern (testsrc2 scrolls and counts), so a player that plays shows frames that change.
ffmpeg -hide_banner -loglevel error -y -f lavfi -i 'testsrc2=size=320x180:rate=10:duration=8' \
  -c:v libx264 -preset veryfast -profile:v baseline -pix_fmt yuv420p -g 10 -b:v 160k -an \
  -f hls -hls_time 2 -hls_playlist_type vod -hls_segment_type fmp4 -hls_fmp4_init_filename init.mp4 \
  -hls_segment_filename "$work/segment-%d.m4s" "$work/stream.m3u8"
ffmpeg -hide_banner -loglevel error -y -f lavfi -i 'testsrc2=size=320x180:rate=1' -frames:v 1 -q:v 5 \
  "$work/snapshot.jpg"
rm -rf "$out"
mv "$work" "$out"
chmod 755 "$out"
trap - EXIT
echo "demo video: $(du -sh "$out" | cut -f1) in $out"
