#version 330 core
// X-ray path-length pass (src/render/xray/XrayRenderer.h): positions only, seen from the focal spot.
// uInset moves the surface inward along its normals: a bone without a core of its own (a rib) is
// drawn a second time that far inside, as the marrow within its cortex.
// No gl_ClipDistance is written: some drivers clip whenever a shader writes it.

layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;

uniform mat4 uModel;
uniform mat4 uViewProjection; // from the C-arm's focal spot onto its detector
uniform float uInset;         // metres, 0 for the surface itself

out vec3 vWorld;

void main() {
    vec3 position = aPosition;
    if (uInset > 0.0 && dot(aNormal, aNormal) > 0.0) position -= normalize(aNormal) * uInset;
    vec4 world = uModel * vec4(position, 1.0);
    vWorld = world.xyz;
    gl_Position = uViewProjection * world;
}
