#version 330 core
// Screen-space ambient occlusion from depth alone (half resolution). Each pixel's view-space
// position and normal are rebuilt from the depth buffer; points in the hemisphere above it are
// projected back and compared with the depth there. A per-pixel rotation of the sample pattern
// (interleaved gradient noise) trades banding for fine noise, which the upsampling in post.frag
// smooths away.

in vec2 vUv;
uniform sampler2D uDepth;
uniform mat4 uProjection;
uniform mat4 uInverseProjection;
uniform float uRadiusScale; // sampling radius as a fraction of the distance to the eye
uniform vec2 uTexel;   // one full-resolution pixel, in uv

layout(location = 0) out vec4 outOcclusion;

const int SAMPLES = 12;

vec3 viewPosition(vec2 uv) {
    float depth = texture(uDepth, uv).r;
    vec4 clip = vec4(uv * 2.0 - 1.0, depth * 2.0 - 1.0, 1.0);
    vec4 view = uInverseProjection * clip;
    return view.xyz / view.w;
}

float interleavedGradientNoise(vec2 p) { return fract(52.9829189 * fract(dot(p, vec2(0.06711056, 0.00583715)))); }

void main() {
    float depth = texture(uDepth, vUv).r;
    if (depth >= 1.0) { outOcclusion = vec4(1.0); return; } // background
    vec3 p = viewPosition(vUv);
    // A radius that scales with distance keeps the shading alike from a close-up to the whole spine.
    float uRadius = uRadiusScale * max(-p.z, 1e-4);
    vec3 px = viewPosition(vUv + vec2(uTexel.x * 2.0, 0.0)) - p;
    vec3 py = viewPosition(vUv + vec2(0.0, uTexel.y * 2.0)) - p;
    vec3 n = normalize(cross(px, py));
    if (dot(n, -p) < 0.0) n = -n;

    float angle = interleavedGradientNoise(gl_FragCoord.xy) * 6.2831853;
    vec3 tangent = normalize(abs(n.z) < 0.9 ? cross(n, vec3(0.0, 0.0, 1.0)) : cross(n, vec3(1.0, 0.0, 0.0)));
    vec3 bitangent = cross(n, tangent);
    float occlusion = 0.0;
    for (int i = 0; i < SAMPLES; ++i) {
        // A spiral of directions over the hemisphere, farther samples for later i.
        float t = (float(i) + 0.5) / float(SAMPLES);
        float a = angle + float(i) * 2.39996323; // golden angle
        float r = sqrt(t);
        vec3 dir = tangent * (cos(a) * r) + bitangent * (sin(a) * r) + n * sqrt(max(0.0, 1.0 - t));
        vec3 s = p + dir * uRadius * mix(0.2, 1.0, t);
        vec4 clip = uProjection * vec4(s, 1.0);
        vec2 uv = clip.xy / clip.w * 0.5 + 0.5;
        float sceneZ = viewPosition(uv).z;
        // Occluded when the scene there is in front of the sample, within the radius.
        float range = smoothstep(0.0, 1.0, uRadius / max(abs(p.z - sceneZ), 1e-5));
        occlusion += (sceneZ >= s.z + uRadius * 0.02 ? 1.0 : 0.0) * range;
    }
    outOcclusion = vec4(1.0 - occlusion / float(SAMPLES));
}
