#include "ui/UiContext.h"

#include "ui/UiScale.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace spineviz {
namespace {

// Latin text plus the punctuation, arrows, maths and shapes the panels use (en dash, degree sign,
// multiplication sign, play / back triangles, restart arrow).
const ImWchar* glyphRanges() {
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x2190, 0x21FF,
                                     0x2200, 0x22FF, 0x25A0, 0x25FF, 0};
    return ranges;
}

std::string boldVariant(const std::string& path) {
    // DejaVuSans.ttf -> DejaVuSans-Bold.ttf; NotoSans-Regular.ttf -> NotoSans-Bold.ttf
    std::filesystem::path p(path);
    std::string stem = p.stem().string();
    const std::string regular = "-Regular";
    if (stem.size() > regular.size() && stem.compare(stem.size() - regular.size(), regular.size(), regular) == 0)
        stem.erase(stem.size() - regular.size());
    const std::filesystem::path bold = p.parent_path() / (stem + "-Bold" + p.extension().string());
    std::error_code ec;
    return std::filesystem::exists(bold, ec) ? bold.string() : path;
}

} // namespace

float detectDisplayScale(SDL_Window* window) {
    const int display = std::max(SDL_GetWindowDisplayIndex(window), 0);
    float scale = 1.0f;
    float dpi = 0.0f;
    if (SDL_GetDisplayDPI(display, &dpi, nullptr, nullptr) == 0 && dpi > 0.0f) scale = std::max(scale, dpi / 96.0f);
    return std::clamp(scale, 1.0f, 3.0f);
}

bool UiContext::init(SDL_Window* window, SDL_GLContext context, const std::string& fontPath, float displayScale) {
    window_ = window;
    displayScale_ = displayScale;
    std::error_code ec;
    if (!fontPath.empty() && std::filesystem::exists(fontPath, ec)) {
        fontPath_ = fontPath;
        boldFontPath_ = boldVariant(fontPath);
    } else {
        std::fprintf(stderr, "spineviz: warning: font '%s' not found; using ImGui's small built-in font\n", fontPath.c_str());
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr; // layout comes from code, not from a stray imgui.ini
    if (!ImGui_ImplSDL2_InitForOpenGL(window, context) || !ImGui_ImplOpenGL3_Init("#version 330 core")) return false;
    initialised_ = true;
    return true;
}

void UiContext::shutdown() {
    if (!initialised_) return;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    initialised_ = false;
}

void UiContext::processEvent(const SDL_Event& event) { ImGui_ImplSDL2_ProcessEvent(&event); }

void UiContext::setUserScale(float scale) { userScale_ = std::clamp(scale, 0.5f, 4.0f); }

std::vector<PanelBox> UiContext::visiblePanels() const {
    std::vector<PanelBox> panels;
    const ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context) return panels;
    for (const ImGuiWindow* window : context->Windows) {
        if (!window->Active || window->Hidden || window->ParentWindow) continue;
        if (window->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_ChildWindow)) continue;
        if (std::string(window->Name).rfind("Debug##", 0) == 0) continue; // ImGui's implicit fallback window
        panels.push_back({window->Name, window->Pos.x, window->Pos.y, window->Size.x, window->Size.y});
    }
    return panels;
}

bool UiContext::wantsMouse() const { return ImGui::GetIO().WantCaptureMouse; }
bool UiContext::wantsKeyboard() const { return ImGui::GetIO().WantCaptureKeyboard; }

void UiContext::rebuildFonts() {
    // Rasterise at physical pixels and scale back, so text stays sharp on high-DPI displays.
    int windowWidth = 1, drawableWidth = 1;
    SDL_GetWindowSize(window_, &windowWidth, nullptr);
    SDL_GL_GetDrawableSize(window_, &drawableWidth, nullptr);
    const float pixelRatio = windowWidth > 0 ? std::max(1.0f, float(drawableWidth) / float(windowWidth)) : 1.0f;
    const FontSizes sizes = fontSizesFor(effectiveScale() * pixelRatio);

    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    if (fontPath_.empty()) {
        ImFontConfig config;
        config.SizePixels = 13.0f * effectiveScale() * pixelRatio;
        body_ = heading_ = caption_ = io.Fonts->AddFontDefault(&config);
    } else {
        body_ = io.Fonts->AddFontFromFileTTF(fontPath_.c_str(), sizes.body, nullptr, glyphRanges());
        heading_ = io.Fonts->AddFontFromFileTTF(boldFontPath_.c_str(), sizes.heading, nullptr, glyphRanges());
        caption_ = io.Fonts->AddFontFromFileTTF(fontPath_.c_str(), sizes.caption, nullptr, glyphRanges());
        if (!body_ || !heading_ || !caption_) body_ = heading_ = caption_ = io.Fonts->AddFontDefault();
    }
    io.FontDefault = body_;
    io.FontGlobalScale = 1.0f / pixelRatio;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    applyStyle();
    builtScale_ = effectiveScale();
    builtPixelRatio_ = pixelRatio;
}

void UiContext::applyStyle() {
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 10.0f;
    style.ChildRounding = 8.0f;
    style.FrameRounding = 6.0f;
    style.GrabRounding = 6.0f;
    style.PopupRounding = 8.0f;
    style.TabRounding = 6.0f;
    style.WindowBorderSize = 0.0f;
    style.WindowPadding = ImVec2(14.0f, 12.0f);
    style.FramePadding = ImVec2(10.0f, 6.0f);
    style.ItemSpacing = ImVec2(10.0f, 8.0f);
    style.ScrollbarSize = 16.0f;
    style.GrabMinSize = 14.0f;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.07f, 0.09f, 0.12f, 0.86f);
    c[ImGuiCol_TitleBg] = ImVec4(0.09f, 0.12f, 0.16f, 0.95f);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.12f, 0.17f, 0.23f, 0.98f);
    c[ImGuiCol_FrameBg] = ImVec4(0.16f, 0.20f, 0.26f, 0.85f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.22f, 0.29f, 0.37f, 0.90f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.26f, 0.34f, 0.44f, 1.00f);
    c[ImGuiCol_Button] = ImVec4(0.20f, 0.33f, 0.45f, 0.85f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.27f, 0.44f, 0.59f, 1.00f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.31f, 0.52f, 0.70f, 1.00f);
    c[ImGuiCol_Header] = ImVec4(0.20f, 0.33f, 0.45f, 0.70f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.27f, 0.44f, 0.59f, 0.85f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.31f, 0.52f, 0.70f, 1.00f);
    c[ImGuiCol_SliderGrab] = ImVec4(0.55f, 0.75f, 0.90f, 1.00f);
    c[ImGuiCol_SliderGrabActive] = ImVec4(0.70f, 0.86f, 0.98f, 1.00f);
    c[ImGuiCol_CheckMark] = ImVec4(0.70f, 0.88f, 1.00f, 1.00f);
    c[ImGuiCol_Text] = ImVec4(0.92f, 0.94f, 0.96f, 1.00f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.55f, 0.60f, 0.66f, 1.00f);
    c[ImGuiCol_Separator] = ImVec4(0.30f, 0.36f, 0.44f, 0.60f);
    style.ScaleAllSizes(effectiveScale());
    ImGui::GetStyle() = style;
}

void UiContext::beginFrame(int overrideWidth, int overrideHeight) {
    int windowWidth = 1, windowHeight = 1, drawableWidth = 1;
    SDL_GetWindowSize(window_, &windowWidth, &windowHeight);
    SDL_GL_GetDrawableSize(window_, &drawableWidth, nullptr);
    const float pixelRatio = windowWidth > 0 ? std::max(1.0f, float(drawableWidth) / float(windowWidth)) : 1.0f;
    const bool overridden = overrideWidth > 0 && overrideHeight > 0;
    layoutScale_ = layoutScale(float(overridden ? overrideHeight : windowHeight), displayScale_);
    if (builtScale_ != effectiveScale() || builtPixelRatio_ != pixelRatio) rebuildFonts();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    if (overridden) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(float(overrideWidth), float(overrideHeight));
        io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    }
    ImGui::NewFrame();
}

void UiContext::endFrame() {
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

} // namespace spineviz
