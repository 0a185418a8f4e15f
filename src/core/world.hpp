// The Box2D side of the river: banks, islands and rocks as static shapes, one sensor per fork
// channel, and the raft. Box2D stays behind this wall; the rest of the core speaks Vec2.
#pragma once
#include <memory>
#include <utility>
#include <vector>

#include "river.hpp"

class b2World;
class b2Body;
class b2Fixture;

namespace cw {

struct ChannelEntry {
    int fork = -1;
    int channel = -1;
};

class PhysicsWorld {
public:
    // `def` should have passed the level checks; a shape Box2D would abort on is left out and
    // counted in refused_shape_count() instead.
    PhysicsWorld(const RiverGeometry& river, const RiverDef& def, Vec2 raft_pos, double raft_angle);
    ~PhysicsWorld();
    PhysicsWorld(const PhysicsWorld&) = delete;
    PhysicsWorld& operator=(const PhysicsWorld&) = delete;

    void step(double dt);

    // What happened during the last step.
    const std::vector<ChannelEntry>& channel_entries() const { return channel_entries_; }
    double hardest_impact() const { return hardest_impact_; }  // m/s of velocity change

    // The raft.
    Vec2 raft_position() const;
    Vec2 raft_velocity() const;
    double raft_angle() const;
    double raft_spin() const;
    Vec2 raft_heading() const;  // unit, the way the raft points
    double raft_mass() const;
    void push_raft(Vec2 impulse);    // linear impulse at the centre, N*s
    void twist_raft(double impulse); // angular impulse, N*m*s

    // A log boom across a channel's entrance: closed, the raft cannot enter that channel.
    void set_channel_closed(int fork, int channel, bool closed);

    b2World& box2d() { return *world_; }
    int static_shape_count() const { return static_shapes_; }
    int refused_shape_count() const { return refused_shapes_; }

private:
    class Listener;
    std::vector<std::vector<b2Fixture*>> booms_;  // per fork, per channel
    std::unique_ptr<b2World> world_;
    std::unique_ptr<Listener> listener_;
    b2Body* raft_ = nullptr;
    std::vector<ChannelEntry> channel_entries_;
    double hardest_impact_ = 0;
    int static_shapes_ = 0;
    int refused_shapes_ = 0;
};

// Heading <-> Box2D angle: the raft's long axis is its local +y.
Vec2 heading_from_angle(double angle);
double angle_from_heading(Vec2 heading);

}  // namespace cw
