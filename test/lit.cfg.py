# lit configuration for zkc's tool and IR tests.
import os

import lit.formats

config.name = "zkc"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".s", ".test", ".yul", ".mlir", ".ll", ".json", ".sol"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.zkc_obj_root, "test")

# Our tools first, then LLVM's FileCheck, not, count, split-file.
path = os.path.pathsep.join([config.zkc_tools_dir, config.llvm_tools_dir,
                             config.environment.get("PATH", os.environ["PATH"])])
config.environment["PATH"] = path
config.substitutions.append(("%zkc_src", config.zkc_src_root))
config.substitutions.append(("%shared", config.shared_dir))
if os.path.isdir(config.shared_dir):
    config.available_features.add("shared-corpus")
