#version 330 core
// X-ray path-length pass: every surface crossing of the ray from the focal spot adds its distance
// from the source, minus where the ray enters a closed mesh (front face) and plus where it leaves
// (back face); with additive blending the sum is the length inside. Channel weights route the
// length to the material classes (XrayRenderer::channelWeights).

in vec3 vWorld;

uniform vec3 uSource;     // focal spot, world
uniform float uReference; // subtracted from every distance (the isocentre's): keeps sums small
uniform vec4 uWeights0;   // classes 0-3: soft tissue, cortical, trabecular, disc
uniform vec4 uWeights1;   // classes 4-7: steel, contrast, marker, cement
uniform float uFacing;    // -1 when the model matrix mirrors (front and back swap)

layout(location = 0) out vec4 oLengths0;
layout(location = 1) out vec4 oLengths1;

void main() {
    float d = distance(vWorld, uSource) - uReference;
    float s = (gl_FrontFacing ? -1.0 : 1.0) * uFacing;
    oLengths0 = (s * d) * uWeights0;
    oLengths1 = (s * d) * uWeights1;
}
