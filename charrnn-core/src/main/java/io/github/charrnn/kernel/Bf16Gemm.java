package io.github.charrnn.kernel;

import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.matmul;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.ShortPointer;

import java.util.HashMap;
import java.util.Map;

/**
 * Row-major products whose operands are rounded to bfloat16 and whose sums are kept in single precision, on
 * oneDNN's matmul: Intel AMX tiles where the CPU has them, {@code avx512_bf16} instructions otherwise.
 *
 * <p>Each operand is first converted (oneDNN's reorder, round to nearest even) into a per-thread scratch buffer;
 * the result is written in single precision. Everything oneDNN holds (engine, stream, primitives, buffers) is per
 * calling thread, so that training shards never share any of it. Only {@code alpha = 1} and {@code beta} 0 or 1.
 */
final class Bf16Gemm {

    private static final ThreadLocal<Bf16Gemm> PER_THREAD = ThreadLocal.withInitial(Bf16Gemm::new);

    private final engine cpu = new engine(engine.kind.cpu, 0);
    private final stream stream = new stream(cpu);
    private final Map<Shape, Product> products = new HashMap<>();
    private final Map<Layout, Conversion> conversions = new HashMap<>();
    private final Scratch left = new Scratch();
    private final Scratch right = new Scratch();

    private Bf16Gemm() {
    }

    /** Whether this CPU multiplies bfloat16 natively, as far as oneDNN can tell (false without oneDNN). */
    static boolean supported() {
        if (!OneDnnGemm.available()) {
            return false;
        }
        int isa = dnnl.dnnl_get_effective_cpu_isa();
        int bf16 = dnnl.dnnl_cpu_isa_avx512_core_bf16;
        return (isa & bf16) == bf16;   // oneDNN's instruction sets are bit masks, each containing the ones below it
    }

    /** Whether this CPU has Intel AMX tiles for bfloat16, as far as oneDNN can tell. */
    static boolean hasMatrixTiles() {
        if (!OneDnnGemm.available()) {
            return false;
        }
        int isa = dnnl.dnnl_get_effective_cpu_isa();
        int amx = dnnl.dnnl_cpu_isa_avx512_core_amx;
        return (isa & amx) == amx;
    }

    /** {@code c = op(a) * op(b) + beta * c} with beta 0 or 1; a and b as {@link OneDnnGemm#multiply} takes them. */
    static void multiply(int m, int n, int k, FloatMatrix a, boolean transposeA, FloatMatrix b, boolean transposeB,
                         FloatMatrix c, float beta) {
        Bf16Gemm here = PER_THREAD.get();
        ShortPointer a16 = here.convert(a.memory(), transposeA ? k : m, transposeA ? m : k, a.leadingDimension(), here.left);
        ShortPointer b16 = here.convert(b.memory(), transposeB ? n : k, transposeB ? k : n, b.leadingDimension(), here.right);
        here.run(m, n, k, a16, transposeA, b16, transposeB, c, beta);
    }

    /** As above with b converted already: {@code b} holds it densely, row-major as stored ([n, k] if transposed). */
    static void multiply(int m, int n, int k, FloatMatrix a, boolean transposeA, ShortPointer b, boolean transposeB,
                         FloatMatrix c, float beta) {
        Bf16Gemm here = PER_THREAD.get();
        ShortPointer a16 = here.convert(a.memory(), transposeA ? k : m, transposeA ? m : k, a.leadingDimension(), here.left);
        here.run(m, n, k, a16, transposeA, b, transposeB, c, beta);
    }

    /** Rounds the row-major {@code rows x columns} float matrix at {@code source} to bfloat16 into {@code target}. */
    static void convert(Pointer source, int rows, int columns, int leadingDimension, ShortPointer target) {
        PER_THREAD.get().convertInto(source, rows, columns, leadingDimension, target);
    }

    private void run(int m, int n, int k, ShortPointer a16, boolean transposeA, ShortPointer b16, boolean transposeB,
                     FloatMatrix c, float beta) {
        OneDnnGemm.giveThreads(m, n, k);
        Product product = products.computeIfAbsent(
                new Shape(m, n, k, transposeA, transposeB, c.leadingDimension(), beta != 0f), this::product);
        product.a.set_data_handle(a16);
        product.b.set_data_handle(b16);
        product.c.set_data_handle(absolute(c.memory()));
        product.matmul.execute(stream, product.arguments);
        stream._wait();
    }

    private ShortPointer convert(Pointer source, int rows, int columns, int leadingDimension, Scratch into) {
        ShortPointer target = into.atLeast((long) rows * columns);
        convertInto(source, rows, columns, leadingDimension, target);
        return target;
    }

    private void convertInto(Pointer source, int rows, int columns, int leadingDimension, ShortPointer target) {
        Conversion conversion = conversions.computeIfAbsent(new Layout(rows, columns, leadingDimension), this::conversion);
        conversion.source.set_data_handle(absolute(source));
        conversion.target.set_data_handle(target);
        conversion.reorder.execute(stream, conversion.source, conversion.target);
    }

    private Conversion conversion(Layout layout) {
        long[] dims = {layout.rows, layout.columns};
        memory source = new memory(new memory.desc(dims, memory.data_type.f32, new long[] {layout.leadingDimension, 1}), cpu,
                (Pointer) null);
        memory target = new memory(new memory.desc(dims, memory.data_type.bf16, new long[] {layout.columns, 1}), cpu,
                (Pointer) null);
        return new Conversion(new reorder(source, target), source, target);
    }

    private Product product(Shape shape) {
        // dense bfloat16 copies: a is [m, k] with strides (k, 1), or stored [k, m] and read with strides (1, m)
        memory.desc a = new memory.desc(new long[] {shape.m, shape.k}, memory.data_type.bf16,
                shape.transposeA ? new long[] {1, shape.m} : new long[] {shape.k, 1});
        memory.desc b = new memory.desc(new long[] {shape.k, shape.n}, memory.data_type.bf16,
                shape.transposeB ? new long[] {1, shape.k} : new long[] {shape.n, 1});
        memory.desc c = new memory.desc(new long[] {shape.m, shape.n}, memory.data_type.f32,
                new long[] {shape.ldc, 1});
        primitive_attr attributes = new primitive_attr();
        if (shape.accumulate) {
            post_ops sum = new post_ops();
            sum.append_sum();
            attributes.set_post_ops(sum);
        }
        matmul.primitive_desc description = new matmul.primitive_desc(new matmul.desc(a, b, c), attributes, cpu, false);
        Product product = new Product(new matmul(description), new memory(a, cpu, (Pointer) null),
                new memory(b, cpu, (Pointer) null), new memory(c, cpu, (Pointer) null), new IntMemoryMap());
        product.arguments.put(dnnl.DNNL_ARG_SRC, product.a);
        product.arguments.put(dnnl.DNNL_ARG_WEIGHTS, product.b);
        product.arguments.put(dnnl.DNNL_ARG_DST, product.c);
        return product;
    }

    /**
     * The same memory as a pointer at position 0: oneDNN's {@code set_data_handle} takes a {@code void*}, to which
     * JavaCPP would add a typed pointer's position in bytes rather than in elements.
     */
    private static Pointer absolute(Pointer typed) {
        long start = typed.address() + typed.position() * typed.sizeof();
        return new Pointer() {
            {
                address = start;   // the inherited field (a local named so would be hidden by it)
            }
        };
    }

    private record Shape(int m, int n, int k, boolean transposeA, boolean transposeB, int ldc, boolean accumulate) {
    }

    private record Product(matmul matmul, memory a, memory b, memory c, IntMemoryMap arguments) {
    }

    private record Layout(int rows, int columns, int leadingDimension) {
    }

    private record Conversion(reorder reorder, memory source, memory target) {
    }

    /** A growing native buffer of bfloat16 values. */
    private static final class Scratch {
        private ShortPointer buffer;

        ShortPointer atLeast(long elements) {
            if (buffer == null || buffer.capacity() < elements) {
                if (buffer != null) {
                    buffer.close();
                }
                buffer = new ShortPointer(elements);
            }
            return buffer;
        }
    }
}
