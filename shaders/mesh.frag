#version 330 core
// Soft studio lighting for anatomy: a warm key light, a cool fill, a rim light that separates the
// silhouette from the dark background, and a sky/ground ambient. Wrapped diffuse and a gentle
// warm shadow tint stand in for the light scattering inside real bone, so it reads as bone rather
// than plastic. Output is linear HDR radiance; tone mapping happens in post.frag.

in vec3 vViewPosition;
in vec3 vViewNormal;
in vec3 vWorldPosition;
in vec2 vTexcoord;

uniform vec4 uBaseColor;      // linear RGBA
uniform float uMetallic;
uniform float uRoughness;
uniform bool uHasTexture;
uniform sampler2D uBaseColorTexture; // sRGB texture, decoded by the sampler
uniform float uSurfaceDetail; // 0..1 strength of the fine albedo variation
uniform float uGhost;         // 0 solid .. 1 glass-like shell: see-through face-on, visible at the edges

layout(location = 0) out vec4 outColor;

const float PI = 3.14159265;

// Light directions point from the surface toward the light, in view space.
const vec3 KEY_DIR = normalize(vec3(-0.55, 0.65, 0.55));
const vec3 KEY_COLOR = vec3(1.00, 0.95, 0.88) * 1.55;
const vec3 FILL_DIR = normalize(vec3(0.75, 0.05, 0.45));
const vec3 FILL_COLOR = vec3(0.62, 0.72, 0.95) * 0.38;
const vec3 RIM_DIR = normalize(vec3(0.15, 0.35, -0.92));
const vec3 RIM_COLOR = vec3(0.85, 0.90, 1.00) * 0.9;
const vec3 SKY = vec3(0.16, 0.18, 0.23);
const vec3 GROUND = vec3(0.06, 0.05, 0.045);

float hash(vec3 p) {
    p = fract(p * 0.3183099 + 0.1);
    p *= 17.0;
    return fract(p.x * p.y * p.z * (p.x + p.y + p.z));
}

// Value noise: smooth, cheap, enough for a subtle organic mottling of the surface colour.
float valueNoise(vec3 x) {
    vec3 i = floor(x), f = fract(x);
    f = f * f * (3.0 - 2.0 * f);
    return mix(mix(mix(hash(i), hash(i + vec3(1, 0, 0)), f.x), mix(hash(i + vec3(0, 1, 0)), hash(i + vec3(1, 1, 0)), f.x), f.y),
               mix(mix(hash(i + vec3(0, 0, 1)), hash(i + vec3(1, 0, 1)), f.x), mix(hash(i + vec3(0, 1, 1)), hash(i + vec3(1, 1, 1)), f.x), f.y),
               f.z);
}

// A soft gradient studio with one large softbox up and to the left (view space).
vec3 studio(vec3 r) {
    vec3 gradient = mix(vec3(0.05, 0.05, 0.06), vec3(0.55, 0.60, 0.68), smoothstep(-0.3, 0.8, r.y));
    float box = smoothstep(0.80, 0.95, dot(r, normalize(vec3(-0.45, 0.65, 0.6))));
    float strip = smoothstep(0.90, 0.98, dot(r, normalize(vec3(0.8, 0.2, 0.55))));
    return gradient + vec3(1.6) * box + vec3(0.6, 0.7, 0.9) * strip;
}

float ggx(float nh, float roughness) {
    float a = roughness * roughness;
    float a2 = a * a;
    float d = nh * nh * (a2 - 1.0) + 1.0;
    return a2 / (PI * d * d);
}

vec3 fresnelSchlick(float vh, vec3 f0) { return f0 + (1.0 - f0) * pow(1.0 - vh, 5.0); }

// One light: wrapped Lambert plus a GGX lobe with Smith-Schlick visibility.
vec3 shade(vec3 n, vec3 v, vec3 l, vec3 lightColor, vec3 albedo, vec3 f0, float roughness, float wrap) {
    float nlRaw = dot(n, l);
    float diffuse = max((nlRaw + wrap) / ((1.0 + wrap) * (1.0 + wrap)), 0.0);
    float nl = max(nlRaw, 0.0);
    vec3 h = normalize(l + v);
    float nv = max(dot(n, v), 1e-3);
    float k = (roughness + 1.0) * (roughness + 1.0) / 8.0;
    float visibility = 1.0 / ((nl * (1.0 - k) + k) * (nv * (1.0 - k) + k));
    vec3 spec = fresnelSchlick(max(dot(v, h), 0.0), f0) * ggx(max(dot(n, h), 0.0), roughness) * visibility * 0.25;
    // Shadowed side of bone keeps a little warm, scattered light.
    vec3 scatter = albedo * vec3(1.0, 0.55, 0.35) * 0.08 * (1.0 - nl) * step(0.0, nlRaw + 0.6);
    return lightColor * (albedo / PI * diffuse * PI + spec * nl) + lightColor * scatter;
}

void main() {
    vec3 n = normalize(vViewNormal);
    if (!gl_FrontFacing) n = -n;
    vec3 v = normalize(-vViewPosition);

    vec4 base = uBaseColor;
    if (uHasTexture) base *= texture(uBaseColorTexture, vTexcoord);
    // Fine mottling at a few-millimetre scale (world units are metres).
    float mottle = valueNoise(vWorldPosition * 420.0) * 0.6 + valueNoise(vWorldPosition * 1300.0) * 0.4;
    vec3 albedo = base.rgb * (1.0 + uSurfaceDetail * (mottle - 0.5) * 0.16);

    float metallic = clamp(uMetallic, 0.0, 1.0);
    float roughness = clamp(uRoughness, 0.08, 1.0);
    vec3 f0 = mix(vec3(0.04), albedo, metallic);
    vec3 diffuseAlbedo = albedo * (1.0 - metallic);

    vec3 color = shade(n, v, KEY_DIR, KEY_COLOR, diffuseAlbedo, f0, roughness, 0.35);
    color += shade(n, v, FILL_DIR, FILL_COLOR, diffuseAlbedo, f0, roughness, 0.5);
    color += shade(n, v, RIM_DIR, RIM_COLOR, diffuseAlbedo, f0, roughness, 0.0);

    // Sky above, ground below (view-space up is close enough for a hemispheric fill).
    vec3 ambient = mix(GROUND, SKY, 0.5 + 0.5 * n.y);
    color += ambient * diffuseAlbedo;
    // A studio around the model for reflections, so polished steel reads as steel, not black.
    vec3 r = reflect(-v, n);
    float nv = max(dot(n, v), 0.0);
    color += studio(r) * fresnelSchlick(nv, f0) * (1.0 - 0.75 * roughness);

    // Silhouette rim: a soft edge light that lifts the outline off the background.
    float rim = pow(1.0 - max(dot(n, v), 0.0), 3.0);
    color += rim * vec3(0.55, 0.62, 0.75) * 0.45 * (0.4 + 0.6 * albedo);

    float alpha = base.a;
    if (uGhost > 0.0) {
        // Like an x-ray of a shell: where the surface is seen edge-on there is more of it to see.
        float edge = pow(1.0 - abs(dot(n, v)), 2.2);
        alpha = mix(1.0, mix(0.22, 0.85, edge), uGhost) * base.a;
        color = mix(color, color * 0.8 + vec3(0.10, 0.13, 0.18) * edge, uGhost);
    }
    outColor = vec4(color * alpha, alpha);
}
