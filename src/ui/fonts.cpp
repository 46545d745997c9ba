#include "fonts.h"

#include "embedded_fonts.h"
#include "extra_glyphs.h"
#include "font_atlas_copy.h"
#include "glyph_ranges.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace iiifc {

static ImFont* add(const unsigned char* data, unsigned int size, float px, float ratio, const ImWchar* ranges) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the data is static
    // Glyphs are rasterised at device pixels and snapped to them: crisp without oversampling,
    // which would double the atlas and the start-up time.
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), px * ratio, &cfg, ranges);
}

Fonts add_fonts(float base_size, float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    Fonts f;
    // Rasterise at device pixels and draw at 1/ratio: one texel per screen pixel.
    f.regular = add(kInterRegular, kInterRegularSize, base_size, pixel_ratio, glyph_ranges());
    f.bold = add(kInterSemiBold, kInterSemiBoldSize, base_size, pixel_ratio, glyph_ranges_headings());
    f.heading = add(kInterSemiBold, kInterSemiBoldSize, base_size * 1.45f, pixel_ratio, glyph_ranges_titles());
    return f;
}

Fonts build_fonts(float base_size, float pixel_ratio, const FontAtlasCopy* copy, bool* restored) {
    ImGuiIO& io = ImGui::GetIO();
    const Fonts f = add_fonts(base_size, pixel_ratio);
    const bool copied = copy && restore_font_atlas(*io.Fonts, *copy);
    // The atlas builder itself rather than ImFontAtlas::Build(), which also links Dear ImGui's
    // default font (for an atlas given none) into the .wasm: about 11 KB gzip never drawn.
    if (!copied) ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(io.Fonts);
    if (restored) *restored = copied;
    io.FontGlobalScale = 1.0f / pixel_ratio;
    io.FontDefault = f.regular;
    extra_glyphs_reset(f.regular, f.bold, f.heading);
    return f;
}

}  // namespace iiifc
