// A sample class of bots joined to a session without a network: for a trainer previewing the
// host view, for screenshots, the frame benchmark and the tests. The session cannot tell them
// from real trainees; the same session seed gives the same class, names and all.
#pragma once
#include <memory>
#include <vector>

#include "class_session.hpp"
#include "core/bot.hpp"
#include "trainee_session.hpp"

namespace cw::net {

class SampleClass {
public:
    SampleClass(ClassSession& session, const Catalogue& catalogue, int size);

    // Each trainee plays the ticks due (a little unevenly, as people do) and reports in.
    void step(int ticks);
    // Real seconds have passed while the call is on: the 60 Hz ticks now due.
    void play(double real_seconds);

private:
    struct Seat {
        std::unique_ptr<TraineeSession> session;
        SteeringBot bot;
        uint32_t id = 0;
        int lag = 0;
    };
    void deliver();

    ClassSession& session_;
    std::vector<Seat> seats_;
    double owed_ticks_ = 0;
};

}  // namespace cw::net
