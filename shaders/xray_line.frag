#version 330 core
// X-ray line-integral pass (src/render/xray/XrayRenderer.h): per detector pixel, the line integral
// p = sum mu L of the scene's items (the path pass) plus the analytic body around the spine
// (src/core/xray/BodyOutline.h, the same sums as bodyLineIntegral() there). Written with what the display's automatic brightness and contrast
// need, so that the mipmaps of this target give their means over the field:
//   r = p, g = the bone's part of p, b = its square (the automatic contrast's spread), a = the body's p.

uniform sampler2D uSum;      // path pass: r = sum mu L of the items, g = the bone's part
uniform float uSize;         // pixels a side

uniform vec3 uSource;
uniform vec3 uDetectorCentre;
uniform vec3 uRight;
uniform vec3 uUp;
uniform float uFieldRadius;

uniform int uBody;           // 1: the trunk is there
uniform float uBodyMu;       // soft tissue, 1/m
uniform vec4 uTrunk;         // centre x, centre z, semi-axis along x, semi-axis along z (world)
uniform float uFatThickness; // metres
uniform float uFatExcessMu;  // fat minus soft tissue, 1/m (negative)
uniform int uLungCount;
uniform vec3 uLungCentre[2]; // ellipsoids along the world axes
uniform vec3 uLungSemiAxes[2];
uniform float uLungExcessMu; // lung minus soft tissue, 1/m (negative)
uniform int uHeart;
uniform vec3 uHeartCentre;
uniform vec3 uHeartSemiAxes;
uniform int uAbdomen;
uniform vec3 uAbdomenCentre;
uniform vec3 uAbdomenSemiAxes;
uniform float uAbdomenExcessMu; // abdomen's contents minus soft tissue, 1/m (negative)
uniform int uPsoasCount;
uniform vec3 uPsoasCentre[2];
uniform vec3 uPsoasSemiAxes[2];
uniform int uShoulderCount;
uniform vec3 uShoulderCentre[2];
uniform vec3 uShoulderSemiAxes[2];

layout(location = 0) out vec4 oLine;

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

// The ray's interval inside an ellipsoid (scaled to the unit sphere, t keeps its meaning).
vec2 span(vec3 centre, vec3 semiAxes, vec3 o, vec3 d) {
    vec3 q = (o - centre) / semiAxes, e = d / semiAxes;
    float a = dot(e, e), b = dot(q, e), k = dot(q, q) - 1.0;
    float disc = b * b - a * k;
    if (disc <= 0.0) return vec2(0.0);
    float h = sqrt(disc);
    return vec2(max((-b - h) / a, 0.0), (-b + h) / a);
}
float len(vec2 s) { return max(s.y - s.x, 0.0); }
float overlap(vec2 a, vec2 b) { return max(min(a.y, b.y) - max(a.x, b.x), 0.0); }

float bodyAt(vec2 image) {
    if (uBody == 0) return 0.0;
    vec3 o = uSource;
    vec3 d = normalize(uDetectorCentre + (uRight * image.x + uUp * image.y) * uFieldRadius - uSource);
    float outer = chord(uTrunk, o, d);
    float p = uBodyMu * outer;
    if (uFatThickness > 0.0) p += uFatExcessMu * (outer - chord(uTrunk - vec4(0.0, 0.0, uFatThickness, uFatThickness), o, d));
    for (int i = 0; i < uLungCount; ++i) {
        vec2 lung = span(uLungCentre[i], uLungSemiAxes[i], o, d);
        p += uLungExcessMu * len(lung);
        if (uHeart == 1) p -= uLungExcessMu * overlap(span(uHeartCentre, uHeartSemiAxes, o, d), lung);
    }
    if (uAbdomen == 1) {
        vec2 abdomen = span(uAbdomenCentre, uAbdomenSemiAxes, o, d);
        p += uAbdomenExcessMu * len(abdomen);
        for (int i = 0; i < uPsoasCount; ++i) p -= uAbdomenExcessMu * overlap(span(uPsoasCentre[i], uPsoasSemiAxes[i], o, d), abdomen);
    }
    for (int i = 0; i < uShoulderCount; ++i) p += uBodyMu * len(span(uShoulderCentre[i], uShoulderSemiAxes[i], o, d));
    return p;
}

void main() {
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    vec2 image = gl_FragCoord.xy / uSize * 2.0 - 1.0; // -1..1, x right, y up
    vec2 items = texelFetch(uSum, pixel, 0).rg;
    float body = bodyAt(image);
    oLine = vec4(max(items.x + body, 0.0), items.y, items.y * items.y, body);
}
