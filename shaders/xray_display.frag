#version 330 core
// X-ray display pass: what the fluoroscope's monitor shows (docs/fluoroscopy.md), from the line
// integral p of the line pass (shaders/xray_line.frag). Per pixel, as a C-arm's image chain:
//  - Trabeculae: the bone's attenuation varies from ray to ray with the trabecular pattern (a
//    smoothed tile of deviates, its grain about 1 mm at the detector whatever the image size).
//  - Blur: the focal spot's penumbra and the detector's spread, a 3x3 binomial kernel.
//  - Scatter: part of what reaches the detector is scattered, a broad low-pass of the transmitted
//    intensity (a coarse mip level of p) added to the primary; it lowers contrast and greys metal.
//  - Automatic brightness and contrast (ABC) per view: the image is centred on p_ref, the anatomy's
//    mean line integral over the central half of the field (the body and the bone: like a C-arm's
//    measuring field, it is not thrown by the dark instruments and cement), and the contrast of what lies in the body (bone,
//    instruments) is set from the spread of the bone's line integral there (the line target's mip
//    level of 4x4 texels), within limits: faint thoracic bone against the lungs is stretched.
//  - Edge enhancement (optional): unsharp masking of p against a 4x4 mean, limited so metal does
//    not ring; and dynamic range compression (part of the body's own large-scale variation taken
//    out), as digital fluoroscopy's image processing does.
//  - Quantum noise: N = photons * exp(-(p - p_ref)) photons are expected; the count scatters by
//    sqrt(N) (Poisson, here its Gaussian limit, floored near zero behind metal). The photons at
//    the level follow the dose: the ABC raises the tube's output for thicker views up to its
//    limit, beyond which the image gets grainier. The unit normal deviates come from a fixed tile
//    of them (drawn once), read from a different random place for every image.
//  - Display curve on the log signal (like a film's characteristic curve): 0.5 at p_ref, dark
//    where more is absorbed, with a long tail so dense contrast and cement stay apart from metal.
//    Inverted on request (radiograph look: bone white).
//  - The image intensifier's round field with slight vignetting; black outside it.

uniform sampler2D uLine;      // r = p, g = the bone's part, b = its square, a = the body's p; mipmapped
uniform sampler2D uDeviates;  // unit normal deviates, 512 x 512, tiled
uniform sampler2D uGrain;     // trabecular texture: unit deviates, smoothed, 256 x 256, tiled
uniform float uGrainAmount;   // relative variation of the bone's attenuation from ray to ray
uniform vec2 uNoiseOffset;    // where this image's deviates start in the tile
uniform float uSize;          // pixels a side
uniform float uCentreLevel;   // mip level of 4x4 texels
uniform float uScatterLevel;  // mip level of the scatter's low-pass

uniform int uNoise;
uniform float uPhotons;       // detected photons per pixel at p_ref, within the dose limit
uniform float uDoseLimit;     // p_ref up to which the ABC keeps the detector's dose
uniform float uEdge;          // unsharp-mask gain, 0 = off
uniform float uContrast;      // scales p - p_ref before the display curve (1 = as designed)
uniform float uSpreadTarget;  // the anatomy's spread the automatic contrast aims at
uniform vec2 uGainLimits;     // the automatic contrast's range
uniform float uScatter;       // scatter-to-primary ratio at the level
uniform int uBoneDark;        // 1: fluoroscope look; 0: radiograph look
uniform float uCompression;   // 0..1: how much of the body's large-scale variation is taken out

layout(location = 0) out vec4 oColor;

const float kEdgeLimit = 0.12;  // largest change of p the edge enhancement makes
const float kCountFloor = 0.3;  // photons: the detector's floor where the beam is stopped
const int kNoiseMask = 511;     // the deviates' tile is 512 pixels square

// The display's characteristic curve on x = gain (p - p_ref): 0.5 at the brightness control's
// level, falling as a power law toward black (b = 0.5 (1 + x / x0)^-n) so that dense contrast
// still reads as dark grey while metal and marker bands go black; mirrored toward white. Its
// slope at the level is n / (2 x0) = 0.45 per unit of p (times the gain).
float displayCurve(float x) {
    const float x0 = 0.88, n = 0.8;
    float tail = 0.5 * pow(1.0 + abs(x) / x0, -n);
    return x >= 0.0 ? tail : 1.0 - tail;
}

// The detected line integral: the expected count N = photons * exp(-(p - p_ref)) with its Poisson
// scatter (Gaussian limit, sqrt(N), from the unit deviate g), floored where almost nothing gets
// through (metal), back to p.
float detected(float p, float g, float reference, float photons) {
    float expected = photons * exp(-clamp(p - reference, -20.0, 30.0));
    float counted = max(expected + sqrt(expected) * g, kCountFloor);
    return reference - log(counted / photons);
}

float lineAt(ivec2 pixel) { return texelFetch(uLine, clamp(pixel, ivec2(0), ivec2(int(uSize) - 1)), 0).r; }

void main() {
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    vec2 uv = gl_FragCoord.xy / uSize;
    vec2 image = uv * 2.0 - 1.0; // -1..1, x right, y up
    float r = length(image);
    vec4 centre = textureLod(uLine, vec2(0.5), uCentreLevel); // means over the central half
    float reference = centre.g + centre.a;
    float body = texelFetch(uLine, pixel, 0).a;

    // Focal spot and detector: a 3x3 binomial blur.
    float p = 0.0;
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) p += float((2 - abs(dx)) * (2 - abs(dy))) / 16.0 * lineAt(pixel + ivec2(dx, dy));
    vec2 grain = gl_FragCoord.xy * (512.0 / uSize) / 2.0;
    p += uGrainAmount * texelFetch(uLine, pixel, 0).g * texture(uGrain, grain / 256.0).r;
    if (uEdge > 0.0) p += uEdge * clamp(p - textureLod(uLine, uv, 2.0).r, -kEdgeLimit, kEdgeLimit);
    // Scatter: primary plus a low-pass of it, relative to the level, normalised so the level stays.
    if (uScatter > 0.0) {
        // From the anatomy's part only: a few small instruments barely change the scatter field,
        // and the coarse mip would spread their shadow into a dark halo.
        vec4 coarse = textureLod(uLine, uv, uScatterLevel);
        float low = coarse.g + coarse.a;
        float primary = exp(-clamp(p - reference, -20.0, 30.0)), scattered = uScatter * exp(-clamp(low - reference, -20.0, 30.0));
        p = reference - log((primary + scattered) / (1.0 + uScatter));
    }
    if (uNoise == 1) {
        float photons = uPhotons * exp(min(uDoseLimit - reference, 0.0));
        p = detected(p, texelFetch(uDeviates, (pixel + ivec2(uNoiseOffset)) & kNoiseMask, 0).r, reference, photons);
    }
    // Automatic contrast from the bone's spread over the central field, for what lies in the body.
    // Dynamic range compression: part of the body's own large-scale variation (its thickness, the
    // lungs) is taken out and it keeps the base contrast, so the curve can be steep for detail
    // without burning out.
    float spread = sqrt(max(centre.b - centre.g * centre.g, 1e-8));
    float gain = uContrast * clamp(uSpreadTarget / spread, uGainLimits.x, uGainLimits.y);
    float x = gain * ((p - body) - (reference - centre.a)) + uContrast * (1.0 - uCompression) * (body - centre.a);
    float b = displayCurve(x);
    if (uBoneDark == 1) b *= 1.0 - 0.18 * r * r; // the intensifier is brighter in the middle
    else b = 1.0 - b;
    float field = 1.0 - smoothstep(1.0 - 3.0 / uSize, 1.0, r);
    oColor = vec4(vec3(b * field), 1.0);
}
