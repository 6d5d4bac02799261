#pragma once
// A GL program built from a vertex and a fragment shader file in the shaders/ folder.

#include "render/Gl.h"

#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include <string>
#include <unordered_map>

namespace spineviz {

class ShaderProgram {
public:
    ShaderProgram() = default;
    ~ShaderProgram();
    ShaderProgram(const ShaderProgram&) = delete;
    ShaderProgram& operator=(const ShaderProgram&) = delete;
    ShaderProgram(ShaderProgram&& other) noexcept;
    ShaderProgram& operator=(ShaderProgram&& other) noexcept;

    // Compiles `<dir>/<vertex>` and `<dir>/<fragment>`; returns "" or a message naming the file.
    std::string load(const std::string& dir, const std::string& vertex, const std::string& fragment,
                     const std::string& defines = "");

    void use() const { glUseProgram(program_); }
    bool valid() const { return program_ != 0; }

    void set(const char* name, int value);
    void set(const char* name, float value);
    void set(const char* name, const glm::vec2& value);
    void set(const char* name, const glm::vec3& value);
    void set(const char* name, const glm::vec4& value);
    void set(const char* name, const glm::mat3& value);
    void set(const char* name, const glm::mat4& value);

private:
    GLint location(const char* name);

    GLuint program_ = 0;
    std::unordered_map<std::string, GLint> locations_;
};

} // namespace spineviz
