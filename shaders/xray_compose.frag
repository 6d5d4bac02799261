#version 330 core
// X-ray compose pass: per pixel, the line integral sum mu_c L_c over the material classes, plus
// the analytic trunk of soft tissue and the lungs (src/core/xray/BodyOutline.h), along the ray
// from the focal spot to this detector pixel. Output: (p, a unit normal deviate for the display's
// quantum noise, p of the body alone, 0); the mipmaps give the display its means.

uniform sampler2D uLengths0; // path lengths, metres: soft tissue, cortical, trabecular, disc
uniform sampler2D uLengths1; // steel, contrast, marker, cement
uniform vec4 uMu0;           // effective coefficients, 1/m (excess over soft tissue inside the body)
uniform vec4 uMu1;
uniform float uSize;         // pixels a side

uniform vec3 uSource;
uniform vec3 uDetectorCentre;
uniform vec3 uRight;
uniform vec3 uUp;
uniform float uFieldRadius;

uniform int uBody;           // 1: the trunk is there
uniform float uBodyMu;       // soft tissue, 1/m
uniform vec4 uTrunk;         // centre x, centre z, semi-axis along x, semi-axis along z (world)
uniform int uLungCount;
uniform vec3 uLungCentre[2];   // ellipsoids along the world axes
uniform vec3 uLungSemiAxes[2];
uniform float uLungExcessMu;   // lung minus soft tissue, 1/m (negative)

uniform int uSeed;           // draws this image's noise

out vec4 oLine;

uint hash(uint x) {
    x ^= x >> 16; x *= 0x7feb352du;
    x ^= x >> 15; x *= 0x846ca68bu;
    x ^= x >> 16;
    return x;
}

float unitRandom(uint x) { return (float(hash(x) >> 8) + 0.5) / 16777216.0; }

// A standard normal deviate per pixel and seed (Box-Muller).
float gaussian(ivec2 pixel) {
    uint key = hash(uint(pixel.x) * 73856093u ^ uint(pixel.y) * 19349663u ^ hash(uint(uSeed) + 0x9e3779b9u));
    float u1 = unitRandom(key), u2 = unitRandom(key ^ 0x68e31da4u);
    return sqrt(-2.0 * log(u1)) * cos(6.2831853 * u2);
}

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

void main() {
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    vec2 image = gl_FragCoord.xy / uSize * 2.0 - 1.0; // -1..1, x right, y up
    float p = dot(texelFetch(uLengths0, pixel, 0), uMu0) + dot(texelFetch(uLengths1, pixel, 0), uMu1);
    float body = 0.0;
    if (uBody == 1) {
        vec3 dir = normalize(uDetectorCentre + (uRight * image.x + uUp * image.y) * uFieldRadius - uSource);
        body = uBodyMu * chord(uTrunk, uSource, dir);
        for (int i = 0; i < uLungCount; ++i) body += uLungExcessMu * chordEllipsoid(uLungCentre[i], uLungSemiAxes[i], uSource, dir);
    }
    p = max(p + body, 0.0);
    oLine = vec4(p, gaussian(pixel), body, 0.0);
}
