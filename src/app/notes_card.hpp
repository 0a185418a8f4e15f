// The player's own note from the dock, read back as the next call opens: a small card in the
// river's top corner until they put it away or give their first reply. Their words, not ours:
// what they promised the last caller or what they meant to try, in front of them when it counts.
#pragma once
#include <string>

#include "screen.hpp"

namespace cw {

class NotesCard {
public:
    explicit NotesCard(std::string note) : note_(std::move(note)) {}
    bool showing() const { return !note_.empty() && !put_away_; }
    // Draws the card with its top-right corner at `top_right`; once `opening` (no reply given
    // yet) is over the card puts itself away, as the player has moved on into the call.
    void draw(AppContext& ctx, ImVec2 top_right, bool opening);

private:
    std::string note_;
    bool put_away_ = false;
};

}  // namespace cw
