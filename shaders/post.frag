#version 330 core
// Composites the lit scene over a calm gradient backdrop, tone maps (Khronos PBR Neutral, which
// keeps bone and tissue colours true), encodes to sRGB and dithers so the gradient does not band
// on a large screen.

in vec2 vUv;
uniform sampler2D uScene;   // premultiplied linear HDR, alpha = coverage
uniform sampler2D uOcclusion; // ambient occlusion at half resolution (1 = open)
uniform float uOcclusionStrength;
uniform vec3 uBackgroundTop;
uniform vec3 uBackgroundBottom;
uniform float uExposure;
uniform vec2 uResolution;

layout(location = 0) out vec4 outColor;

vec3 pbrNeutral(vec3 color) {
    const float startCompression = 0.8 - 0.04;
    const float desaturation = 0.15;
    float x = min(color.r, min(color.g, color.b));
    float offset = x < 0.08 ? x - 6.25 * x * x : 0.04;
    color -= offset;
    float peak = max(color.r, max(color.g, color.b));
    if (peak < startCompression) return color;
    const float d = 1.0 - startCompression;
    float newPeak = 1.0 - d * d / (peak + d - startCompression);
    color *= newPeak / peak;
    float g = 1.0 - 1.0 / (desaturation * (peak - newPeak) + 1.0);
    return mix(color, vec3(newPeak), g);
}

vec3 linearToSrgb(vec3 c) {
    c = clamp(c, 0.0, 1.0);
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));
}

float interleavedGradientNoise(vec2 p) { return fract(52.9829189 * fract(dot(p, vec2(0.06711056, 0.00583715)))); }

void main() {
    vec4 scene = texture(uScene, vUv);
    // Four bilinear taps smooth the half-resolution occlusion while upsampling it.
    vec2 texel = 1.0 / vec2(textureSize(uOcclusion, 0));
    float occlusion = 0.25 * (texture(uOcclusion, vUv + vec2(-0.5, -0.5) * texel).r + texture(uOcclusion, vUv + vec2(0.5, -0.5) * texel).r +
                              texture(uOcclusion, vUv + vec2(-0.5, 0.5) * texel).r + texture(uOcclusion, vUv + vec2(0.5, 0.5) * texel).r);
    scene.rgb *= mix(1.0, occlusion, uOcclusionStrength);
    vec2 centred = vUv - 0.5;
    centred.x *= uResolution.x / max(uResolution.y, 1.0);
    float glow = exp(-dot(centred, centred) * 2.2);
    vec3 background = mix(uBackgroundBottom, uBackgroundTop, smoothstep(0.0, 1.0, vUv.y)) * (0.75 + 0.5 * glow);
    vec3 hdr = scene.rgb * uExposure + background * (1.0 - scene.a);
    vec3 display = linearToSrgb(pbrNeutral(hdr));
    display += (interleavedGradientNoise(gl_FragCoord.xy) - 0.5) / 255.0;
    outColor = vec4(display, 1.0);
}
