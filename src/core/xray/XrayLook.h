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
    // curve, where the anatomy's spread over the central field is spreadTarget: above 1 is harder
    // contrast. The automatic contrast scales it by spreadTarget / spread, within gainLimits, so a
    // thoracic view with its faint bone against the lungs reads as well as a lumbar one.
    float contrast = 2.4f;
    float spreadTarget = 0.25f;
    float gainMin = 0.6f, gainMax = 2.5f;
    // Scatter reaching the detector past the grid, as a ratio to the primary at the brightness
    // level (estimate for 20-30 cm of trunk with an antiscatter grid).
    float scatterToPrimary = 0.35f;
    // The automatic dose control keeps the detector's dose up to this brightness level (the
    // tube's limit, estimate); thicker views, such as the lateral, get fewer photons: grainier.
    float doseLimit = 5.6f;
    // Relative ray-to-ray variation of the bone's attenuation: the trabecular pattern (estimate).
    float trabecularTexture = 0.12f;
    BoneQuality bone = BoneQuality::Osteoporotic;
};

} // namespace spineviz::xray
