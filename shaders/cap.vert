#version 330 core
// Spans a quad across the section plane around what is cut; cap.frag paints the cut faces on it.

layout(location = 0) in vec2 aCorner; // -1..1

uniform mat4 uView;
uniform mat4 uProjection;
uniform vec4 uPlane;   // dot(n, p) + d >= 0 is kept
uniform vec3 uCentre;  // near the cut
uniform float uExtent; // half-size, metres

out vec3 vWorldPosition;

void main() {
    vec3 n = normalize(uPlane.xyz);
    vec3 centre = uCentre - (dot(n, uCentre) + uPlane.w) * n; // onto the plane
    vec3 u = normalize(abs(n.y) < 0.9 ? cross(n, vec3(0.0, 1.0, 0.0)) : cross(n, vec3(1.0, 0.0, 0.0)));
    vec3 v = cross(n, u);
    vec3 world = centre + (u * aCorner.x + v * aCorner.y) * uExtent;
    vWorldPosition = world;
    gl_Position = uProjection * uView * vec4(world, 1.0);
}
