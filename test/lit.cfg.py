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

# forge (Foundry), for test/Driver/forge.test: on PATH, else the npm package
# scripts/setup.sh installs into .npm-tools. Tests that need it say
# `REQUIRES: forge` and are reported UNSUPPORTED without it.
import shutil
forge = shutil.which("forge", path=path) or os.path.join(
    config.zkc_src_root, ".npm-tools", "node_modules", "@foundry-rs",
    "forge-linux-amd64", "bin", "forge")
if os.access(forge, os.X_OK):
    config.available_features.add("forge")
    config.substitutions.append(("%forge", forge))
    # Where the system allows it, forge runs without a network, so that the
    # test shows a build downloads nothing.
    import subprocess
    no_network = ""
    if shutil.which("unshare") and subprocess.call(
            ["unshare", "-rn", "true"], stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL) == 0:
        no_network = "unshare -rn "
    config.substitutions.append(("%no-network ", no_network))

# clang, which the build already needs for the runtime library: tests that
# compile C say `REQUIRES: clang`.
clang = shutil.which("clang-19", path=path) or shutil.which("clang", path=path)
if clang:
    config.available_features.add("clang")
    config.substitutions.append(("%clang", clang))
