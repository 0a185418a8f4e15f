// Placeholder: the progress screen lands here.
#include "screens.hpp"
namespace cw {
std::unique_ptr<Screen> make_progress_screen(AppContext& ctx) {
    return make_menu_screen(ctx, "The progress screen is not in this build yet.");
}
}  // namespace cw
