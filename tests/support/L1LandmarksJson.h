#pragma once
// The bundled model's L1 landmarks as its extras carry them (docs/model-format.md): the valid
// starting point that the hostile-model corpus and the landmark fuzzer change one value of.
// Header-only, so the fuzz build (which links no test support) can use it too.

namespace spineviz::test {

inline const char* l1LandmarksJson() {
    return R"({"spineviz": {"format": 1, "kind": "vertebra", "level": "L1",
      "frame": {"origin": [0, 0, 0], "anterior": [0, 0, 1], "superior": [0, 1, 0], "left": [1, 0, 0]},
      "superior_endplate": {"centre": [0, 0.0123, 0], "normal": [0, 0.998609, 0.052725]},
      "inferior_endplate": {"centre": [0, -0.0123, 0], "normal": [0, -0.998609, 0.052725]},
      "anterior_wall": [0, 0, 0.0148276], "posterior_wall": [0, 0, -0.0162183],
      "pedicles": {"left": {"axis": [-0.086943, -0.069756, 0.993768], "entry": [0.017264, 0.0059756, -0.0367299], "height": 0.01531, "width": 0.0086},
                   "right": {"axis": [0.086943, -0.069756, 0.993768], "entry": [-0.017264, 0.0059756, -0.0367299], "height": 0.01531, "width": 0.0086}},
      "dimensions": {"anterior_height": 0.0255373, "canal_depth": 0.0189622, "canal_width": 0.0237002, "cortical_thickness": 0.0007,
                     "endplate_depth": 0.0319834, "endplate_width": 0.0402651, "middle_height": 0.0246, "posterior_height": 0.0285364}}})";
}

} // namespace spineviz::test
