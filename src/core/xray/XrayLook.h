#pragma once
// How the simulated fluoroscope turns transmitted intensity into a picture (shaders/xray_display.frag).
// docs/fluoroscopy.md describes each step.

#include "core/xray/Attenuation.h"

namespace spineviz::xray {

struct XrayLook {
    // The fluoroscope's own look: more X-rays, brighter, so bone, contrast, cement and metal are
    // dark. Off: the radiograph look (bone white).
    bool boneDark = true;
    // Quantum noise: Poisson photon statistics, drawn anew for every image.
    bool noise = true;
    // Detected photons per pixel where the image is at the automatic brightness control's level
    // (estimate for a 512-pixel fluoroscopy frame; lower is grainier).
    float photonsPerPixel = 900.0f;
    // Image processing as digital fluoroscopy does it: unsharp masking of the log image, and
    // dynamic range compression (this fraction of the large-scale variation taken out).
    bool edgeEnhance = true;
    float edgeAmount = 0.8f;
    float rangeCompression = 0.65f;
    // Scales the line integral's distance from the brightness control's level before the display
    // curve: above 1 is harder contrast.
    float contrast = 2.4f;
    BoneQuality bone = BoneQuality::Osteoporotic;
};

} // namespace spineviz::xray
