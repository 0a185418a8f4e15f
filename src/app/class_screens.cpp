// Placeholder: the class host and join screens land here.
#include "screens.hpp"
namespace cw {
std::unique_ptr<Screen> make_host_screen(AppContext& ctx, const std::string&) {
    return make_menu_screen(ctx, "Hosting a class is not in this build yet.");
}
std::unique_ptr<Screen> make_join_screen(AppContext& ctx) {
    return make_menu_screen(ctx, "Joining a class is not in this build yet.");
}
}  // namespace cw
