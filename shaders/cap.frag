#version 330 core
// Paints the cut face of a sectioned solid so it reads as solid tissue: ivory cortical bone, red
// marrow laced with pale trabeculae (packed denser around a balloon cavity), the layered annulus and
// gel-like nucleus of a disc, speckled cement. Lit by the same rig as the surfaces (mesh.frag), as
// a matte face turned toward the removed half. Output is premultiplied linear HDR.

in vec3 vWorldPosition;

uniform mat4 uView;
uniform vec4 uPlane;
uniform int uCapStyle;   // CapStyle in render/DrawItem.h
uniform vec4 uCapColor;  // for Plain
uniform int uHoled;      // leave cavities open
uniform int uCavityCount;
uniform mat4 uCavities[4]; // world -> the cavity's unit shape (axis z)
uniform float uCavityExponents[4]; // of its superellipse outline (2: a sphere)

layout(location = 0) out vec4 outColor;

const int NONE = 0, CORTICAL = 1, TRABECULAR = 2, ANNULUS = 3, NUCLEUS = 4, NEURAL = 5, CEMENT = 6, BALLOON = 7, PLAIN = 8;

float hash3(vec3 p) {
    p = fract(p * 0.3183099 + 0.1);
    p *= 17.0;
    return fract(p.x * p.y * p.z * (p.x + p.y + p.z));
}

vec3 hashVec(vec3 p) {
    return vec3(hash3(p), hash3(p + vec3(19.1, 7.3, 3.7)), hash3(p + vec3(5.2, 31.7, 11.9)));
}

// Distance to the nearest and second-nearest cell point (Worley); their difference is small
// along cell borders, which is where the trabecular struts are drawn.
vec2 worley(vec3 x) {
    vec3 i = floor(x), f = fract(x);
    float d1 = 8.0, d2 = 8.0;
    for (int z = -1; z <= 1; ++z)
        for (int y = -1; y <= 1; ++y)
            for (int xx = -1; xx <= 1; ++xx) {
                vec3 cell = vec3(xx, y, z);
                vec3 d = cell + hashVec(i + cell) - f;
                float dist = dot(d, d);
                if (dist < d1) { d2 = d1; d1 = dist; } else if (dist < d2) { d2 = dist; }
            }
    return sqrt(vec2(d1, d2));
}

float cavityRadius(vec3 p) {
    float r = 1e9;
    for (int i = 0; i < uCavityCount; ++i) {
        vec3 q = (uCavities[i] * vec4(p, 1.0)).xyz;
        float e = uCavityExponents[i];
        r = min(r, pow(pow(abs(q.z), e) + pow(length(q.xy), e), 1.0 / e));
    }
    return r;
}

vec3 capAlbedo(vec3 p, float cavity) {
    vec3 mm = p * 1000.0; // millimetres
    if (uCapStyle == CORTICAL) return vec3(0.80, 0.74, 0.60) * (0.94 + 0.06 * hash3(floor(mm * 3.0)));
    if (uCapStyle == TRABECULAR) {
        // Packed trabeculae around a balloon cavity: finer cells, thicker struts.
        float compaction = uCavityCount > 0 ? 1.0 - smoothstep(1.0, 1.35, cavity) : 0.0;
        vec2 w = worley(mm * mix(1.1, 1.9, compaction)); // trabecular spacing ~0.5-1 mm
        float strut = 1.0 - smoothstep(0.03, 0.10 + 0.12 * compaction, w.y - w.x);
        vec3 marrow = vec3(0.42, 0.12, 0.08);
        vec3 bone = vec3(0.82, 0.72, 0.56);
        return mix(marrow, bone, clamp(strut + 0.25 * compaction, 0.0, 1.0));
    }
    if (uCapStyle == ANNULUS) {
        float lamella = 0.5 + 0.5 * sin((mm.x * 0.7 + mm.z * 2.3) * 1.7);
        return mix(vec3(0.62, 0.68, 0.74), vec3(0.78, 0.82, 0.86), lamella);
    }
    if (uCapStyle == NUCLEUS) return vec3(0.55, 0.62, 0.72) * (0.92 + 0.08 * hash3(floor(mm * 2.0)));
    if (uCapStyle == NEURAL) return vec3(0.85, 0.76, 0.48);
    if (uCapStyle == CEMENT) return vec3(0.52, 0.56, 0.61) * (0.9 + 0.1 * hash3(floor(mm * 6.0))); // grey-white PMMA
    if (uCapStyle == BALLOON) return vec3(0.75, 0.72, 0.45);
    return uCapColor.rgb;
}

void main() {
    float cavity = cavityRadius(vWorldPosition);
    if (uHoled == 1 && cavity < 1.0) discard;
    vec3 albedo = capAlbedo(vWorldPosition, cavity);

    // The face points into the removed half; light it as a matte surface.
    vec3 n = normalize(mat3(uView) * -uPlane.xyz);
    vec3 key = normalize(vec3(-0.55, 0.65, 0.55));
    vec3 fill = normalize(vec3(0.75, 0.05, 0.45));
    float diffuse = 0.55 + 0.45 * max(dot(n, key), 0.0);
    vec3 light = vec3(1.0, 0.95, 0.88) * 1.25 * diffuse + vec3(0.62, 0.72, 0.95) * 0.25 * max(dot(n, fill), 0.0) + vec3(0.12);
    outColor = vec4(albedo * light, 1.0);
}
