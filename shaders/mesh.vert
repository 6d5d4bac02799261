#version 330 core
// Transforms a mesh into view space for the lit shader; lighting is done in view space so the
// light rig stays fixed to the viewer while the model is orbited.

layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec2 aTexcoord;

uniform mat4 uModel;
uniform mat3 uNormalMatrix; // inverse transpose of uModel's upper 3x3
uniform mat4 uView;
uniform mat4 uProjection;
uniform vec4 uClipPlane;    // world-space section plane; points with a negative distance are cut away

out vec3 vViewPosition;
out vec3 vViewNormal;
out vec3 vWorldPosition;
out vec2 vTexcoord;

void main() {
    vec4 world = uModel * vec4(aPosition, 1.0);
    vec4 view = uView * world;
    vWorldPosition = world.xyz;
    vViewPosition = view.xyz;
    vViewNormal = mat3(uView) * (uNormalMatrix * aNormal);
    vTexcoord = aTexcoord;
    gl_Position = uProjection * view;
    gl_ClipDistance[0] = dot(uClipPlane, vec4(world.xyz, 1.0));
}
