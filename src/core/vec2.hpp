// Small 2-D vector maths for the simulation. Doubles everywhere in game rules; Box2D's floats
// appear only at the world boundary (world.cpp).
#pragma once
#include <cmath>

namespace cw {

struct Vec2 {
    double x = 0, y = 0;
};

inline Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
inline Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
inline Vec2 operator*(Vec2 a, double k) { return {a.x * k, a.y * k}; }
inline Vec2 operator*(double k, Vec2 a) { return {a.x * k, a.y * k}; }
inline Vec2& operator+=(Vec2& a, Vec2 b) { a.x += b.x; a.y += b.y; return a; }
inline double dot(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }
inline double cross(Vec2 a, Vec2 b) { return a.x * b.y - a.y * b.x; }
inline double length(Vec2 a) { return std::sqrt(dot(a, a)); }
inline Vec2 normalized(Vec2 a) {
    double l = length(a);
    return l > 1e-12 ? a * (1.0 / l) : Vec2{0, 0};
}
// The right-hand normal of a direction: with the river flowing "up" the screen this points to
// the player's right, which is why channel A (the leftmost) has the most negative lateral.
inline Vec2 right_of(Vec2 dir) { return {dir.y, -dir.x}; }

inline double clamp(double v, double lo, double hi) { return v < lo ? lo : (v > hi ? hi : v); }
inline double smoothstep01(double t) {
    t = clamp(t, 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}
inline double lerp(double a, double b, double t) { return a + (b - a) * t; }

constexpr double kPi = 3.14159265358979323846;

}  // namespace cw
