#include "world.hpp"

#include <box2d/box2d.h>

#include <cmath>

#include "tuning.hpp"

namespace cw {

namespace {

b2Vec2 to_b2(Vec2 v) { return {static_cast<float>(v.x), static_cast<float>(v.y)}; }
Vec2 from_b2(b2Vec2 v) { return {v.x, v.y}; }

double signed_area(const std::vector<Vec2>& loop) {
    double a = 0;
    for (size_t i = 0; i < loop.size(); ++i) a += cross(loop[i], loop[(i + 1) % loop.size()]);
    return 0.5 * a;
}

// Chains in Box2D 2.4 collide on one side only: the right of each edge. A wall that keeps the
// raft inside must wind clockwise; an island that keeps it outside, counter-clockwise.
std::vector<b2Vec2> wound(const std::vector<Vec2>& loop, bool clockwise) {
    std::vector<b2Vec2> out;
    out.reserve(loop.size());
    bool is_cw = signed_area(loop) < 0;
    if (is_cw == clockwise) {
        for (Vec2 v : loop) out.push_back(to_b2(v));
    } else {
        for (auto it = loop.rbegin(); it != loop.rend(); ++it) out.push_back(to_b2(*it));
    }
    return out;
}

// Box2D aborts on a chain with two corners closer than its slop; such a corner adds nothing,
// so it is dropped (the first is kept, and the last goes if it closes onto the first).
std::vector<b2Vec2> spaced_for_box2d(const std::vector<b2Vec2>& loop) {
    std::vector<b2Vec2> out;
    const float min_gap2 = 4.0f * b2_linearSlop * b2_linearSlop;
    for (const b2Vec2& p : loop)
        if (std::isfinite(p.x) && std::isfinite(p.y) && (out.empty() || b2DistanceSquared(out.back(), p) > min_gap2))
            out.push_back(p);
    while (out.size() > 1 && b2DistanceSquared(out.back(), out.front()) <= min_gap2) out.pop_back();
    return out;
}

uintptr_t sensor_tag(int fork, int channel) { return static_cast<uintptr_t>(fork * 8 + channel + 1); }

}  // namespace

Vec2 heading_from_angle(double angle) { return {-std::sin(angle), std::cos(angle)}; }
double angle_from_heading(Vec2 h) { return std::atan2(-h.x, h.y); }

class PhysicsWorld::Listener : public b2ContactListener {
public:
    explicit Listener(PhysicsWorld& w) : w_(w) {}

    void BeginContact(b2Contact* contact) override {
        b2Fixture* a = contact->GetFixtureA();
        b2Fixture* b = contact->GetFixtureB();
        b2Fixture* sensor = a->IsSensor() ? a : (b->IsSensor() ? b : nullptr);
        b2Fixture* other = sensor == a ? b : a;
        if (!sensor || other->GetBody() != w_.raft_) return;
        uintptr_t tag = sensor->GetUserData().pointer;
        if (tag == 0) return;
        int code = static_cast<int>(tag - 1);
        w_.channel_entries_.push_back({code / 8, code % 8});
    }

    void PostSolve(b2Contact* contact, const b2ContactImpulse* impulse) override {
        if (contact->GetFixtureA()->GetBody() != w_.raft_ && contact->GetFixtureB()->GetBody() != w_.raft_)
            return;
        float strongest = 0;
        for (int i = 0; i < impulse->count; ++i) strongest = std::max(strongest, impulse->normalImpulses[i]);
        double dv = strongest / w_.raft_->GetMass();
        if (dv > w_.hardest_impact_) w_.hardest_impact_ = dv;
    }

private:
    PhysicsWorld& w_;
};

PhysicsWorld::PhysicsWorld(const RiverGeometry& river, const RiverDef& def, Vec2 raft_pos, double raft_angle)
    : world_(std::make_unique<b2World>(b2Vec2(0.0f, 0.0f))), listener_(std::make_unique<Listener>(*this)) {
    world_->SetContactListener(listener_.get());

    b2BodyDef ground_def;
    b2Body* ground = world_->CreateBody(&ground_def);

    auto add_loop = [&](const std::vector<Vec2>& loop, bool keep_inside) {
        std::vector<b2Vec2> v = spaced_for_box2d(wound(loop, keep_inside));
        if (v.size() < 3) {
            ++refused_shapes_;
            return;
        }
        b2ChainShape chain;
        chain.CreateLoop(v.data(), static_cast<int32>(v.size()));
        ground->CreateFixture(&chain, 0.0f);
        ++static_shapes_;
    };
    add_loop(river.water_outline(), true);
    for (const auto& island : river.islands()) add_loop(island, false);

    for (const Rock& rock : def.rocks) {
        if (!rock_shape_problem(rock).empty()) {
            ++refused_shapes_;  // the level checks report it; Box2D would abort on it
            continue;
        }
        b2FixtureDef fd;
        fd.friction = 0.3f;
        fd.restitution = 0.2f;
        if (rock.radius > 0) {
            b2CircleShape c;
            c.m_p = to_b2(rock.at);
            c.m_radius = static_cast<float>(rock.radius);
            fd.shape = &c;
            ground->CreateFixture(&fd);
        } else {
            std::vector<b2Vec2> pts;
            for (Vec2 p : rock.polygon) pts.push_back(to_b2(rock.at + p));
            b2PolygonShape poly;
            poly.Set(pts.data(), static_cast<int32>(pts.size()));
            fd.shape = &poly;
            ground->CreateFixture(&fd);
        }
        ++static_shapes_;
    }

    // One sensor across each channel, at the middle of its fork: crossing it is the reply.
    for (size_t fi = 0; fi < river.forks().size(); ++fi) {
        const Fork& f = river.forks()[fi];
        double s_mid = f.at + 0.5 * f.length;
        auto walls = river.channel_walls(static_cast<int>(fi), s_mid);
        for (size_t c = 0; c < walls.size(); ++c) {
            double lo = walls[c].first + 0.05, hi = walls[c].second - 0.05;
            b2Vec2 quad[4] = {to_b2(river.point_at(s_mid - 0.6, lo)), to_b2(river.point_at(s_mid - 0.6, hi)),
                              to_b2(river.point_at(s_mid + 0.6, hi)), to_b2(river.point_at(s_mid + 0.6, lo))};
            b2PolygonShape box;
            box.Set(quad, 4);
            b2FixtureDef fd;
            fd.shape = &box;
            fd.isSensor = true;
            fd.userData.pointer = sensor_tag(static_cast<int>(fi), static_cast<int>(c));
            ground->CreateFixture(&fd);
            ++static_shapes_;
        }
    }

    // Booms across each channel's entrance, open (colliding with nothing) until a reply's
    // condition closes its channel.
    for (size_t fi = 0; fi < river.forks().size(); ++fi) {
        const Fork& f = river.forks()[fi];
        double s_boom = f.at + 1.5;
        auto walls = river.channel_walls(static_cast<int>(fi), s_boom);
        std::vector<b2Fixture*> row;
        for (const auto& [lo, hi] : walls) {
            b2EdgeShape edge;
            edge.SetTwoSided(to_b2(river.point_at(s_boom, lo - 0.3)), to_b2(river.point_at(s_boom, hi + 0.3)));
            b2FixtureDef fd;
            fd.shape = &edge;
            fd.filter.maskBits = 0;
            row.push_back(ground->CreateFixture(&fd));
        }
        booms_.push_back(row);
    }

    b2BodyDef raft_def;
    raft_def.type = b2_dynamicBody;
    raft_def.position = to_b2(raft_pos);
    raft_def.angle = static_cast<float>(raft_angle);
    raft_def.bullet = true;  // never tunnel through a thin island tip
    raft_ = world_->CreateBody(&raft_def);
    b2PolygonShape hull;
    hull.SetAsBox(static_cast<float>(tuning::kRaftWidth * 0.5), static_cast<float>(tuning::kRaftLength * 0.5));
    b2FixtureDef fd;
    fd.shape = &hull;
    fd.density = static_cast<float>(tuning::kRaftMass / (tuning::kRaftLength * tuning::kRaftWidth));
    fd.friction = 0.3f;
    fd.restitution = 0.25f;
    raft_->CreateFixture(&fd);
}

PhysicsWorld::~PhysicsWorld() = default;

void PhysicsWorld::set_channel_closed(int fork, int channel, bool closed) {
    if (fork < 0 || fork >= static_cast<int>(booms_.size())) return;
    if (channel < 0 || channel >= static_cast<int>(booms_[fork].size())) return;
    b2Filter filter = booms_[fork][channel]->GetFilterData();
    filter.maskBits = closed ? 0xFFFF : 0;
    booms_[fork][channel]->SetFilterData(filter);
}

void PhysicsWorld::step(double dt) {
    channel_entries_.clear();
    hardest_impact_ = 0;
    world_->Step(static_cast<float>(dt), 8, 3);
}

Vec2 PhysicsWorld::raft_position() const { return from_b2(raft_->GetPosition()); }
Vec2 PhysicsWorld::raft_velocity() const { return from_b2(raft_->GetLinearVelocity()); }
double PhysicsWorld::raft_angle() const { return raft_->GetAngle(); }
double PhysicsWorld::raft_spin() const { return raft_->GetAngularVelocity(); }
Vec2 PhysicsWorld::raft_heading() const {
    const b2Rot& q = raft_->GetTransform().q;  // Box2D keeps the sine and cosine: no trig here
    return {-q.s, q.c};
}
double PhysicsWorld::raft_mass() const { return raft_->GetMass(); }
void PhysicsWorld::push_raft(Vec2 impulse) { raft_->ApplyLinearImpulseToCenter(to_b2(impulse), true); }
void PhysicsWorld::twist_raft(double impulse) { raft_->ApplyAngularImpulse(static_cast<float>(impulse), true); }

}  // namespace cw
