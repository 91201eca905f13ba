"""The peers' command line: read wnbench's export, run the numpy or the JAX version `--repeats`
times from it, write the seconds of every repeat (and JAX's compile time, apart) and the final
arrays for bench/run.py to compare with ours.

    python bench/peers/<name>.py EXPORT_DIR --impl numpy|jax --repeats 5 --out OUT_DIR
"""
import argparse
import json
import pathlib
import time

import numpy as np


def load_export(folder):
    folder = pathlib.Path(folder)
    config = json.loads((folder / "config.json").read_text())
    arrays = {name: np.load(folder / f"{name}.npy") for name in config["arrays"]}
    return config, arrays


def _write(out, seconds, finals, extra):
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name, value in finals.items():
        np.save(out / f"{name}.npy", np.asarray(value, dtype=np.float64))
    (out / "result.json").write_text(json.dumps({"seconds": seconds, **extra}, indent=2))


def main(run_numpy, run_jax):
    """`run_numpy(config, arrays)` returns the finals; `run_jax(config, arrays)` returns
    (a function of jax arrays, its arguments), the function returning the finals as a dict."""
    parser = argparse.ArgumentParser()
    parser.add_argument("export")
    parser.add_argument("--impl", choices=["numpy", "jax"], required=True)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    config, arrays = load_export(args.export)
    seconds = []
    if args.impl == "numpy":
        for _ in range(args.repeats):
            start = time.perf_counter()
            finals = run_numpy(config, arrays)
            seconds.append(time.perf_counter() - start)
        _write(args.out, seconds, finals, {"numpy": np.__version__})
        return

    import jax

    jax.config.update("jax_enable_x64", True)
    function, inputs = run_jax(config, arrays)
    inputs = jax.device_put(inputs)
    # Compile once, ahead of time, and time that apart: the repeats then run the compiled
    # executable only (what a JAX user pays per run after the first).
    start = time.perf_counter()
    compiled = jax.jit(function).lower(*inputs).compile()
    compile_seconds = time.perf_counter() - start
    # One untimed call first: XLA's CPU runtime sets up its thread pool and buffers on the first
    # execution, a one-off cost like compilation (reported apart as well).
    start = time.perf_counter()
    jax.block_until_ready(compiled(*inputs))
    warmup_seconds = time.perf_counter() - start
    for _ in range(args.repeats):
        start = time.perf_counter()
        finals = jax.block_until_ready(compiled(*inputs))
        seconds.append(time.perf_counter() - start)
    finals = {name: np.asarray(value) for name, value in finals.items()}
    _write(args.out, seconds, finals, {"compile_seconds": compile_seconds, "warmup_seconds": warmup_seconds, "jax": jax.__version__})
