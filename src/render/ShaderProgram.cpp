#include "render/ShaderProgram.h"

#include <glm/gtc/type_ptr.hpp>

#include <fstream>
#include <sstream>
#include <utility>

namespace spineviz {
namespace {

bool readText(const std::string& path, std::string& text) {
    std::ifstream in(path);
    if (!in) return false;
    std::stringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
    return true;
}

// Inserts `defines` after the #version line so one file can serve several variants.
std::string withDefines(const std::string& source, const std::string& defines) {
    if (defines.empty()) return source;
    const std::size_t versionEnd = source.find('\n', source.find("#version"));
    if (versionEnd == std::string::npos) return defines + source;
    return source.substr(0, versionEnd + 1) + defines + source.substr(versionEnd + 1);
}

GLuint compile(GLenum stage, const std::string& source, const std::string& path, std::string& error) {
    const GLuint shader = glCreateShader(stage);
    const char* text = source.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        error = path + ": " + log;
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

} // namespace

ShaderProgram::~ShaderProgram() {
    if (program_) glDeleteProgram(program_);
}

ShaderProgram::ShaderProgram(ShaderProgram&& other) noexcept
    : program_(std::exchange(other.program_, 0)), locations_(std::move(other.locations_)) {}

ShaderProgram& ShaderProgram::operator=(ShaderProgram&& other) noexcept {
    if (this != &other) {
        if (program_) glDeleteProgram(program_);
        program_ = std::exchange(other.program_, 0);
        locations_ = std::move(other.locations_);
    }
    return *this;
}

std::string ShaderProgram::load(const std::string& dir, const std::string& vertex, const std::string& fragment,
                                const std::string& defines) {
    const std::string vertexPath = dir + "/" + vertex, fragmentPath = dir + "/" + fragment;
    std::string vertexSource, fragmentSource, error;
    if (!readText(vertexPath, vertexSource)) return vertexPath + ": cannot read shader";
    if (!readText(fragmentPath, fragmentSource)) return fragmentPath + ": cannot read shader";
    const GLuint vs = compile(GL_VERTEX_SHADER, withDefines(vertexSource, defines), vertexPath, error);
    if (!vs) return error;
    const GLuint fs = compile(GL_FRAGMENT_SHADER, withDefines(fragmentSource, defines), fragmentPath, error);
    if (!fs) {
        glDeleteShader(vs);
        return error;
    }
    const GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetProgramInfoLog(program, sizeof log, nullptr, log);
        glDeleteProgram(program);
        return vertexPath + " + " + fragment + ": link failed: " + log;
    }
    if (program_) glDeleteProgram(program_);
    program_ = program;
    locations_.clear();
    return "";
}

GLint ShaderProgram::location(const char* name) {
    const auto it = locations_.find(name);
    if (it != locations_.end()) return it->second;
    const GLint loc = glGetUniformLocation(program_, name);
    locations_.emplace(name, loc);
    return loc;
}

void ShaderProgram::set(const char* name, int value) { glUniform1i(location(name), value); }
void ShaderProgram::set(const char* name, float value) { glUniform1f(location(name), value); }
void ShaderProgram::set(const char* name, const glm::vec2& value) { glUniform2fv(location(name), 1, glm::value_ptr(value)); }
void ShaderProgram::set(const char* name, const glm::vec3& value) { glUniform3fv(location(name), 1, glm::value_ptr(value)); }
void ShaderProgram::set(const char* name, const glm::vec4& value) { glUniform4fv(location(name), 1, glm::value_ptr(value)); }
void ShaderProgram::set(const char* name, const glm::mat3& value) {
    glUniformMatrix3fv(location(name), 1, GL_FALSE, glm::value_ptr(value));
}
void ShaderProgram::set(const char* name, const glm::mat4& value) {
    glUniformMatrix4fv(location(name), 1, GL_FALSE, glm::value_ptr(value));
}

} // namespace spineviz
