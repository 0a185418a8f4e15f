#include "sample_class.hpp"

#include <algorithm>

namespace cw::net {

SampleClass::SampleClass(ClassSession& session, const Catalogue& catalogue, int size) : session_(session) {
    for (int i = 0; i < size; ++i) {
        Hello h;
        h.build = session.settings().build;
        h.code = session.settings().code;
        h.name = nickname(session.settings().seed + 99, i);
        Seat seat{std::make_unique<TraineeSession>(catalogue, h),
                  SteeringBot(i % 3 == 2 ? BotPolicy::random : BotPolicy::calm, 100 + i), 0, i % 7};
        seat.session->take_outbox();
        seat.id = *session.hello(h).trainee;
        seats_.push_back(std::move(seat));
    }
    deliver();
}

void SampleClass::step(int ticks) {
    for (Seat& s : seats_) {
        int n = ticks + (s.lag > 0 && ticks > 0 ? -1 : 0);
        s.lag = (s.lag + 1) % 9;
        for (int i = 0; i < n && s.session->can_step(); ++i) s.session->step(s.bot.decide(*s.session->sim()));
        s.session->flush_inputs();
        if (s.session->phase() == TraineePhase::playing) session_.receive(s.id, s.session->raft_state());
        for (const Message& m : s.session->take_outbox()) session_.receive(s.id, m);
    }
    deliver();
}

void SampleClass::play(double real_seconds) {
    owed_ticks_ += std::min(real_seconds, 0.25) * 60.0;
    int ticks = static_cast<int>(owed_ticks_);
    owed_ticks_ -= ticks;
    if (ticks > 0) step(ticks);
}

void SampleClass::deliver() {
    for (Outgoing& o : session_.take_outbox())
        for (Seat& s : seats_)
            if (!o.to || *o.to == s.id) s.session->receive(o.message);
}

}  // namespace cw::net
