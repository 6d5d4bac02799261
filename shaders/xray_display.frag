#version 330 core
// X-ray display pass: what the fluoroscope's monitor shows (docs/fluoroscopy.md).
//  - Automatic brightness control: the image is centred on p_ref, the mean line integral over the
//    central half of the field (one bilinear fetch from the mip level that is 4x4 texels).
//  - Quantum noise: N = photons * exp(-(p - p_ref)) detected photons; Poisson noise, here its
//    Gaussian limit, has a standard deviation of 1/sqrt(N) in p. The unit normal deviates are
//    drawn per pixel by the compose pass, anew for every image.
//  - Edge enhancement: unsharp masking of p over a 3x3 neighbourhood (limited, so metal does not
//    ring), and dynamic range compression (part of the body's own large-scale variation taken
//    out), as digital fluoroscopy's image processing does.
//  - Display curve on the log signal p (like a film's characteristic curve): 0.5 at p_ref, dark
//    where more is absorbed, with a long tail so dense contrast and cement stay apart from metal.
//    Inverted on request (radiograph look: bone white).
//  - The image intensifier's round field with slight vignetting; black outside it.

uniform sampler2D uLine;    // compose pass: (p, unit normal deviate, p of the body alone, 0)
uniform float uSize;
uniform float uCentreLevel; // mip level of 4x4 texels
uniform int uNoise;
uniform float uPhotons;     // detected photons per pixel at p_ref
uniform float uEdge;        // unsharp-mask gain, 0 = off
uniform float uContrast;    // scales p - p_ref before the display curve (1 = as designed)
uniform int uBoneDark;      // 1: fluoroscope look; 0: radiograph look
uniform float uCompression; // 0..1: how much of the body's large-scale variation is taken out

out vec4 oColor;

const float kEdgeLimit = 0.12; // largest change of p the edge enhancement makes

// The display's characteristic curve on x = p - p_ref: 0.5 at the brightness control's level,
// falling as a power law toward black (b = 0.5 (1 + x / x0)^-n) so that dense contrast still reads
// as dark grey while metal and marker bands go black; mirrored toward white. Its slope at the
// level is n / (2 x0) = 0.45 per unit of p.
float displayCurve(float x) {
    const float x0 = 1.5, n = 1.35;
    float tail = 0.5 * pow(1.0 + abs(x) / x0, -n);
    return x >= 0.0 ? tail : 1.0 - tail;
}

float detected(ivec2 pixel, float reference, float noiseScale) {
    vec2 v = texelFetch(uLine, clamp(pixel, ivec2(0), ivec2(int(uSize) - 1)), 0).rg;
    // 1 / sqrt(N) with N = photons * exp(-(p - p_ref))
    return v.x + noiseScale * v.y * exp(0.5 * clamp(v.x - reference, -20.0, 20.0));
}

void main() {
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    vec2 image = gl_FragCoord.xy / uSize * 2.0 - 1.0;
    float r = length(image);
    vec4 centre = textureLod(uLine, vec2(0.5), uCentreLevel);
    vec4 whole = textureLod(uLine, vec2(0.5), uCentreLevel + 2.0);
    float reference = centre.r;
    float noiseScale = uNoise == 1 ? inversesqrt(max(uPhotons, 1.0)) : 0.0;

    float p = detected(pixel, reference, noiseScale);
    if (uEdge > 0.0) {
        float sum = 0.0;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) sum += (dx == 0 && dy == 0) ? p : detected(pixel + ivec2(dx, dy), reference, noiseScale);
        p += uEdge * clamp(p - sum / 9.0, -kEdgeLimit, kEdgeLimit);
    }
    // Dynamic range compression: part of the large-scale variation (the body's thickness, the
    // lungs) is taken out, so the curve can be steep for detail without burning out.
    float body = texelFetch(uLine, pixel, 0).b;
    float b = displayCurve(uContrast * (p - reference - uCompression * (body - whole.b)));
    if (uBoneDark == 1) b *= 1.0 - 0.18 * r * r; // the intensifier is brighter in the middle
    else b = 1.0 - b;
    float field = 1.0 - smoothstep(1.0 - 3.0 / uSize, 1.0, r);
    oColor = vec4(vec3(b * field), 1.0);
}
