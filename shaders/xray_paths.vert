#version 330 core
// X-ray path-length pass (src/render/xray/XrayRenderer.h): positions only, seen from the focal spot.
// No gl_ClipDistance is written: some drivers clip whenever a shader writes it.

layout(location = 0) in vec3 aPosition;

uniform mat4 uModel;
uniform mat4 uViewProjection; // from the C-arm's focal spot onto its detector

out vec3 vWorld;

void main() {
    vec4 world = uModel * vec4(aPosition, 1.0);
    vWorld = world.xyz;
    gl_Position = uViewProjection * world;
}
