// Placeholder: the level editor screen lands here.
#include "screens.hpp"
namespace cw {
std::unique_ptr<Screen> make_editor_screen(AppContext& ctx, const std::string&) {
    return make_menu_screen(ctx, "The level editor is not in this build yet.");
}
}  // namespace cw
