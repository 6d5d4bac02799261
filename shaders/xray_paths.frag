#version 330 core
// X-ray path-length pass: every surface crossing of the ray from the focal spot adds its distance
// from the source, minus where the ray enters a closed mesh (front face) and plus where it leaves
// (back face); with additive blending the sum is the length inside. Each item's weight routes
// its length: by default, one float channel of sum mu L (the weight is the item's attenuation
// coefficient, or a combination for nested solids: XrayRenderer::channelWeights); with CLASSES
// defined, eight channels of path length per material class (for tests and inspection). The default
// pass also keeps the bone's own part of the sum (cortical and trabecular), for the trabecular
// texture and the automatic contrast, which look at the anatomy, not at the instruments.

in vec3 vWorld;

uniform vec3 uSource;     // focal spot, world
uniform float uReference; // subtracted from every distance (the isocentre's): keeps sums small
uniform float uFacing;    // -1 when the model matrix mirrors (front and back swap)

#ifdef CLASSES
uniform vec4 uWeights0;   // classes 0-3: soft tissue, cortical, trabecular, disc
uniform vec4 uWeights1;   // classes 4-7: steel, contrast, marker, cement
layout(location = 0) out vec4 oLengths0;
layout(location = 1) out vec4 oLengths1;
#else
uniform float uWeight;    // 1/m
uniform float uBoneWeight; // 1/m: the bone's part of uWeight
layout(location = 0) out vec2 oSum;
#endif

void main() {
    float d = distance(vWorld, uSource) - uReference;
    float s = (gl_FrontFacing ? -1.0 : 1.0) * uFacing * d;
#ifdef CLASSES
    oLengths0 = s * uWeights0;
    oLengths1 = s * uWeights1;
#else
    oSum = s * vec2(uWeight, uBoneWeight);
#endif
}
