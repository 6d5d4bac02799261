#version 330 core
// X-ray display pass: the line integral and what the fluoroscope's monitor shows
// (docs/fluoroscopy.md). Per pixel:
//  - The line integral p: the scene's sum mu L (the path pass) plus the analytic trunk of soft
//    tissue and the lungs (src/core/xray/BodyOutline.h) along the ray from the focal spot to this
//    detector pixel. Written to the second output for tests and inspection.
//  - Automatic brightness control: the image is centred on p_ref, the mean line integral over the
//    central half of the field (the path pass's mip level of 4x4 texels, one bilinear fetch, plus
//    the body's mean there, computed on the CPU).
//  - Edge enhancement: unsharp masking of p over a 3x3 neighbourhood (limited, so metal does not
//    ring; the body is smooth, so only the scene's part is sharpened), and dynamic range
//    compression (part of the body's own large-scale variation taken out), as digital
//    fluoroscopy's image processing does.
//  - Quantum noise: N = photons * exp(-(p - p_ref)) photons are expected; the count scatters by
//    sqrt(N) (Poisson, here its Gaussian limit, floored near zero behind metal), which is about
//    1/sqrt(N) in p. The unit normal deviates come from a fixed tile of them (drawn once), read
//    from a different random place for every image.
//  - Display curve on the log signal p (like a film's characteristic curve): 0.5 at p_ref, dark
//    where more is absorbed, with a long tail so dense contrast and cement stay apart from metal.
//    Inverted on request (radiograph look: bone white).
//  - The image intensifier's round field with slight vignetting; black outside it.

uniform sampler2D uSum;       // path pass: sum mu L of the scene's items (R32F, mipmapped)
uniform sampler2D uDeviates;  // unit normal deviates, 512 x 512, tiled
uniform vec2 uNoiseOffset;    // where this image's deviates start in the tile
uniform float uSize;          // pixels a side
uniform float uCentreLevel;   // mip level of 4x4 texels

uniform vec3 uSource;
uniform vec3 uDetectorCentre;
uniform vec3 uRight;
uniform vec3 uUp;
uniform float uFieldRadius;

uniform int uBody;            // 1: the trunk is there
uniform float uBodyMu;        // soft tissue, 1/m
uniform vec4 uTrunk;          // centre x, centre z, semi-axis along x, semi-axis along z (world)
uniform int uLungCount;
uniform vec3 uLungCentre[2];  // ellipsoids along the world axes
uniform vec3 uLungSemiAxes[2];
uniform float uLungExcessMu;  // lung minus soft tissue, 1/m (negative)
uniform float uBodyCentreMean; // the body's p, mean over the central half of the field
uniform float uBodyMean;       // ...and over the whole image

uniform int uNoise;
uniform float uPhotons;       // detected photons per pixel at p_ref
uniform float uEdge;          // unsharp-mask gain, 0 = off
uniform float uContrast;      // scales p - p_ref before the display curve (1 = as designed)
uniform int uBoneDark;        // 1: fluoroscope look; 0: radiograph look
uniform float uCompression;   // 0..1: how much of the body's large-scale variation is taken out

layout(location = 0) out vec4 oColor;
layout(location = 1) out float oLine;

const float kEdgeLimit = 0.12;  // largest change of p the edge enhancement makes
const float kCountFloor = 0.3;  // photons: the detector's floor where the beam is stopped
const int kNoiseMask = 511;     // the deviates' tile is 512 pixels square

// Length of origin + t dir (t >= 0, dir unit) inside the elliptic cylinder along world y.
float chord(vec4 e, vec3 o, vec3 d) {
    float ox = (o.x - e.x) / e.z, oz = (o.z - e.y) / e.w;
    float dx = d.x / e.z, dz = d.z / e.w;
    float a = dx * dx + dz * dz, b = ox * dx + oz * dz, k = ox * ox + oz * oz - 1.0;
    float disc = b * b - a * k;
    if (a < 1e-12 || disc <= 0.0) return 0.0;
    float h = sqrt(disc);
    return max((-b + h) / a - max((-b - h) / a, 0.0), 0.0);
}

// ...and inside an ellipsoid (scaled to the unit sphere, t keeps its meaning).
float chordEllipsoid(vec3 centre, vec3 semiAxes, vec3 o, vec3 d) {
    vec3 q = (o - centre) / semiAxes, e = d / semiAxes;
    float a = dot(e, e), b = dot(q, e), k = dot(q, q) - 1.0;
    float disc = b * b - a * k;
    if (disc <= 0.0) return 0.0;
    float h = sqrt(disc);
    return max((-b + h) / a - max((-b - h) / a, 0.0), 0.0);
}

float bodyAt(vec2 image) {
    if (uBody == 0) return 0.0;
    vec3 dir = normalize(uDetectorCentre + (uRight * image.x + uUp * image.y) * uFieldRadius - uSource);
    float p = uBodyMu * chord(uTrunk, uSource, dir);
    for (int i = 0; i < uLungCount; ++i) p += uLungExcessMu * chordEllipsoid(uLungCentre[i], uLungSemiAxes[i], uSource, dir);
    return p;
}

// The display's characteristic curve on x = p - p_ref: 0.5 at the brightness control's level,
// falling as a power law toward black (b = 0.5 (1 + x / x0)^-n) so that dense contrast still reads
// as dark grey while metal and marker bands go black; mirrored toward white. Its slope at the
// level is n / (2 x0) = 0.45 per unit of p (times uContrast).
float displayCurve(float x) {
    const float x0 = 0.88, n = 0.8;
    float tail = 0.5 * pow(1.0 + abs(x) / x0, -n);
    return x >= 0.0 ? tail : 1.0 - tail;
}

// The detected line integral: the expected count N = photons * exp(-(p - p_ref)) with its Poisson
// scatter (Gaussian limit, sqrt(N), from the unit deviate g), floored where almost nothing gets
// through (metal), back to p.
float detected(float p, float g, float reference) {
    float expected = uPhotons * exp(-clamp(p - reference, -20.0, 30.0));
    float counted = max(expected + sqrt(expected) * g, kCountFloor);
    return reference - log(counted / uPhotons);
}

float sumAt(ivec2 pixel) { return texelFetch(uSum, clamp(pixel, ivec2(0), ivec2(int(uSize) - 1)), 0).r; }

void main() {
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    vec2 image = gl_FragCoord.xy / uSize * 2.0 - 1.0; // -1..1, x right, y up
    float r = length(image);
    float body = bodyAt(image);
    float items = texelFetch(uSum, pixel, 0).r;
    float p = max(items + body, 0.0);
    oLine = p;
    float reference = textureLod(uSum, vec2(0.5), uCentreLevel).r + uBodyCentreMean;

    if (uEdge > 0.0) {
        float sum = 0.0;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) sum += (dx == 0 && dy == 0) ? items : sumAt(pixel + ivec2(dx, dy));
        p += uEdge * clamp(items - sum / 9.0, -kEdgeLimit, kEdgeLimit);
    }
    if (uNoise == 1) p = detected(p, texelFetch(uDeviates, (pixel + ivec2(uNoiseOffset)) & kNoiseMask, 0).r, reference);
    // Dynamic range compression: part of the large-scale variation (the body's thickness, the
    // lungs) is taken out, so the curve can be steep for detail without burning out.
    float b = displayCurve(uContrast * (p - reference - uCompression * (body - uBodyMean)));
    if (uBoneDark == 1) b *= 1.0 - 0.18 * r * r; // the intensifier is brighter in the middle
    else b = 1.0 - b;
    float field = 1.0 - smoothstep(1.0 - 3.0 / uSize, 1.0, r);
    oColor = vec4(vec3(b * field), 1.0);
}
