#!/usr/bin/env bash
# Renders the reference images in docs/ headless (SDL offscreen, Mesa llvmpipe): every step of a
# balloon kyphoplasty of L1 (grade 2 wedge), and a few views that show what the app can do.
#   tools/render_docs.sh [build/spineviz]
set -euo pipefail
cd "$(dirname "$0")/.."
app="${1:-build/spineviz}"
export SDL_VIDEODRIVER=offscreen
mkdir -p docs/phases
size=1280x800

shot() { # out args...
  local out="$1"; shift
  "$app" --size "$size" --screenshot "$out" "$@" > /dev/null
  echo "wrote $out"
}

# Each step at a moment that shows it best.
steps=(healthy:0.5 fracture:1 preparation:0.8 access:0.45 drilling:0.6 balloon:0.8 inflation:0.95 deflation:0.9
       cement:0.85 hardening:0.6 removal:0.3 outcome:0.5)
n=1
for step in "${steps[@]}"; do
  name="${step%%:*}" progress="${step##*:}"
  shot "$(printf 'docs/phases/kyphoplasty-%02d-%s.jpg' "$n" "$name")" --phase "$name" --progress "$progress"
  n=$((n + 1))
done

shot docs/phases/vertebroplasty-cement.jpg --procedure vertebroplasty --seed 4 --phase cement --progress 0.9
shot docs/cutaway.jpg --phase hardening --progress 0.5 --cutaway --hide-ui
shot docs/labels.jpg --phase access --progress 0.5 --labels --hide-ui
# Consultation mode as a 4K television shows it (look at them at 480 px wide: still readable).
size=3840x2160
shot docs/patient.jpg --phase inflation --progress 0.8 --audience patient
shot docs/patient-fracture.jpg --phase fracture --progress 1 --audience patient
shot docs/patient-guide.jpg --phase outcome --progress 0.5 --audience patient --learn
size=1280x800
shot docs/fluoroscopy-app.jpg --phase cement --progress 0.7 --fluoro both
rm -f docs/fluoroscopy-app-ap.jpg docs/fluoroscopy-app-lateral.jpg # the monitors are in the window shot
