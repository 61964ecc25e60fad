package org.lstmlab.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.lessons.QuotedNumbers;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.ui.common.I18n;

/**
 * docs/zh/equations.md is generated from the engine's equation catalogue, with the Chinese names the debugger shows
 * (the {@code debugger.eq.*} labels); this test fails when they drift apart. Regenerate it by running {@link #main}.
 * The prose is written for Chinese readers, not translated from docs/equations.md.
 */
class ZhEquationsDocTest {
    static final Path DOC = Path.of("docs", "zh", "equations.md");

    public static void main(String[] args) throws IOException {
        Files.writeString(DOC, markdown(), StandardCharsets.UTF_8);
        System.out.println("wrote " + DOC);
    }

    @Test
    void theChineseEquationsPageIsTheCatalogue() throws IOException {
        GradientNumbers.assertSamePage(markdown(), Files.readString(DOC, StandardCharsets.UTF_8), DOC.toString());
    }

    /**
     * The line after each stacked gradient names the equations using it the Chinese way: full-width brackets, a
     * full-width colon and 、 between the ids. It was the English page's line, “(用于 `a`, `b`)”.
     */
    @Test
    void theStackedGradientsNameTheirEquationsTheChineseWay() {
        List<String> lines = markdown().lines().filter(l -> l.startsWith("- $$")).toList();
        assertFalse(lines.isEmpty(), "no stacked gradient on the page");
        for (String line : lines) {
            assertTrue(line.matches("- \\$\\$[^（）]+\\$\\$（用到它的方程：`[^`]+`(、`[^`]+`)*）"), line);
        }
    }

    static String markdown() {
        ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
        StringBuilder md = new StringBuilder(HEADER.replace("{LSTM_STACK}", EquationsDocTest.plain(CellType.LSTM, ""))
                .replace("{GRU_STACKS}", EquationsDocTest.plain(CellType.GRU, "`、`")))
                .append(measured()).append(AFTER_MEASURED);
        for (CellType cell : CellType.standard()) {
            md.append("\n## ").append(TITLES[cell.ordinal()]).append("\n\n").append(INTRO[cell.ordinal()]).append('\n');
            for (Direction d : Direction.values()) {
                md.append("\n### ").append(d == Direction.FORWARD ? "前向" : "反向（通过时间反向传播）")
                        .append(" — `").append(cell.id()).append("`\n\n");
                equations(md, zh, EquationCatalogue.of(cell, d));
            }
            md.append("\n### 权重的梯度：对时间求和 — `").append(cell.id()).append("`\n\n").append(SUMS).append("\n\n");
            EquationsDocTest.stacks(md, cell, "这些求和用到的是把各门预激活值的梯度按 W_ih 的行顺序堆叠起来的向量：",
                    ids -> "（用到它的方程：" + code(ids) + "）");
            int k = 1;
            for (Equation e : EquationCatalogue.weightGradients(cell)) {
                md.append(k++).append(". **").append(zh.getString("debugger.eq." + e.id())).append("**（`")
                        .append(e.id()).append("`）\n\n").append("   $$").append(e.latex()).append("$$\n\n");
            }
        }
        md.append(MISTAKES);
        for (CellType cell : CellType.tutorialMistakes()) {
            md.append("\n### `").append(cell.id()).append("`：").append(TITLES[cell.ordinal()]).append("\n\n")
                    .append(INTRO[cell.ordinal()]).append("\n\n");
            List<Equation> changed = new java.util.ArrayList<>();
            for (Direction d : Direction.values()) {
                EquationCatalogue.of(cell, d).stream().filter(Equation::mistake).forEach(changed::add);
            }
            equations(md, zh, changed);
        }
        md.append(CONVENTIONS).append(REFERENCES);
        return md.toString();
    }

    private static void equations(StringBuilder md, ResourceBundle zh, List<Equation> eqs) {
        int k = 1;
        for (Equation e : eqs) {
            md.append(k++).append(". **").append(zh.getString("debugger.eq." + e.id())).append("**（`")
                    .append(e.id()).append("`）\n\n")
                    .append("   $$").append(e.latex()).append("$$\n\n")
                    .append("   读取 ").append(code(e.inputs()));
            if (!e.intermediates().isEmpty()) {
                md.append("，中间量 ").append(code(e.intermediates()));
            }
            md.append("，写入 `").append(e.output()).append("`\n\n");
        }
    }

    private static String code(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(sb.length() > 0 ? "、" : "").append('`').append(n).append('`');
        }
        return sb.toString();
    }

    /**
     * By {@link CellType#ordinal()}: LSTM, GRU, the two simple RNNs, the two wrong cells, the GRU with the reset
     * before.
     */
    static final String[] TITLES = {"LSTM（长短期记忆网络）", "GRU（门控循环单元）", "简单循环网络（tanh）", "简单循环网络（ReLU）",
        "记忆元又被压缩了一次", "输入门用了 tanh", "重置门放在矩阵乘之前的 GRU"};

    static final String[] INTRO = {
        "Hochreiter 与 Schmidhuber（1997）提出的长短期记忆单元，加上 Gers、Schmidhuber 与 Cummins（2000）引入的遗忘门；"
                + "形式和门的顺序（i、f、g、o）与 PyTorch 的 `nn.LSTM` 完全一致，下面的前向方程就是它文档里的那几行"
                + "（输入和循环各有一个偏置；Keras 只有一个偏置，相当于两者之和）。\n\n"
                + "三个门都用 sigmoid，取值在 (0, 1)；只有候选记忆元 g_t 用 tanh。记忆元 c_t 的更新是**线性**的"
                + "——遗忘门乘旧记忆，加上输入门乘候选值，之后不再经过 tanh；只有在算隐状态 h_t 时才对 c_t 取一次 tanh。",
        "Cho 等人（2014）提出的门控循环单元，按 PyTorch 的 `nn.GRU` 文档：门的顺序为 r、z、n，重置门作用在循环矩阵乘"
                + "**之后**：`r_t ⊙ (W_hn h_{t-1} + b_hn)`（Keras 称之为 `reset_after=True`，这是它的默认值，为此保留两组偏置）。"
                + "注意更新方式：`h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}`，所以 z 接近 1 时保留旧状态。GRU 只有重置门和更新门"
                + "两个门，没有输出门，也没有单独的记忆元。",
        "Elman（1990）的简单循环网络，即 PyTorch `nn.RNN` 在 `nonlinearity='tanh'` 时的形式。",
        "PyTorch `nn.RNN` 在 `nonlinearity='relu'` 时的简单循环网络。ReLU 的斜率是 `[a_t > 0]`：预激活值为正时为 1，否则为 0。",
        "很多教程写成 `C_t = tanh(f_t·C_{t−1} + i_t·C̃_t)`，然后又 `h_t = o_t·tanh(C_t)`。这样记忆元被压缩了两次，"
                + "永远出不了 (−1, 1)：手工构造的计数器数不到 1 以上，而且沿记忆元回传的梯度每一步除了乘 f_t 还要再乘"
                + " 1 − c_t²。其余方程与 LSTM 相同。",
        "有些教程用 tanh 计算输入门（`i_t = tanh(W·[h_{t−1}, x_t] + b)`）。这个“门”于是取值在 (−1, 1)：它不再是一个比例，"
                + "取负值时还会把放进来的候选值翻转符号。其余方程与 LSTM 相同。",
        "Cho 等人（2014）和《动手学深度学习》写的 GRU，也是 Keras 在 `GRU(reset_after=False)` 时的计算方式"
                + "（TensorFlow 2 之前 Keras 的默认值）：重置门在循环矩阵乘**之前**乘到 h_{t-1} 上，`W_hn (r_t ⊙ h_{t-1})`。"
                + "这与上面的 GRU 是不同的函数，权重不能互相套用。PyTorch 没有这种层，所以这个模型只能导出到 Keras。"
                + "b_in 和 b_hn 总是加在一起（Keras 只存一个偏置）。与上面 GRU 相同的方程沿用原来的编号，其余带 `gru-reset-before`。"
    };

    static final String SUMS = """
            每个时间步用的是同一套权重，所以权重的梯度是求和：通过时间反向传播先从 t = T 到 1 逐步算出每一步的 δa_t\
            （上面那些方程），再把所有 T 步（以及批量里的每条序列）的乘积加起来。引擎在反向循环中边算边加：每约 256 行\
            （批量的几个时间步）做一次矩阵乘法，趁这些行的 δa_t 还在缓存里；全部 T·B 行都放得进缓存时只做一次；\
            调试器的反向传播模式显示的是进入这个求和的每一步的 δa_t。""";

    static final String MISTAKES = """

            ## 教程里的两个错误单元（只用于课程）

            下面两个单元是在流传很广的教程里发现的**错误**写法。引擎能计算它们的前向和反向（`gradcheck --cell \
            lstm-squashed-cell` 和 `--cell lstm-tanh-input` 都能通过），只是为了让课程 `squashed-cell` 和 `tanh-input-gate` \
            把它们放在真正的 LSTM 旁边，量出到底错在哪里。它们不会作为普通选项出现，模型文件拒绝保存它们，也不会为它们导出代码。\
            下面只列出与 LSTM 不同的方程。
            """;

    static final String HEADER = """
            # 方程：前向与反向

            <!-- 由 ZhEquationsDocTest 根据引擎的方程目录生成；请修改生成器，不要直接改这个文件。 -->

            这一页由计算引擎的方程目录（`org.lstmlab.engine.trace.EquationCatalogue`）生成，有测试保证两者一致。
            调试器里显示的就是这些方程，顺序相同，只是把记录下来的真实数值代了进去；程序里没有第二套算法。
            方程的中文名称与调试器界面一致。

            <!-- zh-only -->
            ## 记号

            - `x_t` 是第 t 步的输入，`h_{t-1}` 和 `c_{t-1}` 是这一步开始时的隐状态和记忆元。
            - `W_{i?}`、`b_{i?}` 是门 ? 的输入权重和偏置，`W_{h?}`、`b_{h?}` 是它的循环权重和偏置。
              PyTorch 把各门的行按顺序堆叠在 `weight_ih_l{k}` 和 `weight_hh_l{k}` 里。
            - σ 是 sigmoid（逻辑函数），⊙ 是按元素乘积（哈达玛积）；矩阵与向量相乘不写符号。很多教程两种乘法都写成“·”，
              这会让人分不清哪里是矩阵乘、哪里是逐元素乘。
            - 反向传播中 δv 表示 ∂L/∂v。`δy_t` 是从上面传下来的梯度（来自损失，或来自上一层），
              `δh_t^next` 和 `δc_t^next` 是从第 t+1 步传回来的梯度。
            - `δa_t` 是各门预激活值的梯度按 W_ih 的行顺序堆叠成的向量：LSTM 是 `{LSTM_STACK}`。
              GRU 要用两个：`{GRU_STACKS}`。输入一侧（δW_ih、δb_ih、δx_t）用 δa_t，循环一侧（δW_hh、δb_hh、
              δh_{t-1}^next）用 δã_t，因为重置门只乘在 `W_hn h_{t-1} + b_hn` 上，不乘 `W_in x_t + b_in`。
            - “读取 / 写入”后面的名字是记录符号，断点和监视表达式里用的就是它们。
            - 调试器里时间步从 1 数起（`t == 7` 是第七步）；单元和层从 0 数起，与 PyTorch 一致。

            反向方程就是对前向方程逐步使用链式法则，从最后一个时间步一直回到第一个（通过时间反向传播，Werbos 1990）。
            每个时间步都用同一套权重，所以**权重的梯度是所有时间步的梯度之和**，例如
            `∂L/∂W_hh = Σ_t δa_t h_{t-1}ᵀ`（GRU 用 δã_t）、`∂L/∂W_ih = Σ_t δa_t x_tᵀ`；引擎在反向循环结束后用一次矩阵乘法把它们加起来。

            <!-- zh-only -->
            ## 梯度消失与梯度爆炸

            梯度沿时间往回传时，每经过一步都要乘上这一步的雅可比矩阵。简单循环网络每一步乘的是
            `W_hhᵀ` 与 tanh 导数的乘积，连乘几十次，范数要么越来越小（**梯度消失**，Bengio、Simard 与 Frasconi 1994），
            要么越来越大（**梯度爆炸**，Pascanu、Mikolov 与 Bengio 2013）。

            LSTM 多了一条路：`δc_{t-1}^next = δc_t ⊙ f_t`。沿着记忆元往回走，每一步只乘上遗忘门，
            没有矩阵、也没有 tanh 的导数。**当遗忘门接近 1 时**，这条路几乎不衰减，这就是 Hochreiter 与 Schmidhuber
            所说的“恒定误差传送带”。但这不是结构本身的保证，而取决于遗忘门学到了什么。
            """;

    /** The measured numbers, from the same runs as the lessons and docs/equations.md (every one checked). */
    static String measured() {
        var v = GradientNumbers.numbers("vanishing-gradient", 2);
        var x = GradientNumbers.numbers("exploding-gradient", 2);
        StringBuilder md = new StringBuilder("\n").append(GradientNumbers.START)
                .append(" generated from the engine; ZhEquationsDocTest checks every number -->\n")
                .append("实测（课程 `vanishing-gradient` 会重新跑一遍）：加法任务，T = 50，用“对比”页的设置（32 个隐藏单元，")
                .append("Keras 初始化，Adam，学习率 0.01，梯度裁剪到 1，种子 42），训练 ")
                .append(GradientNumbers.d(v, "v_lstm_epochs")).append(" 轮、每轮 ")
                .append(GradientNumbers.d(v, "v_lstm_train_size"))
                .append(" 条序列，刚好够 LSTM 解决这个任务。每条验证序列的损失传回 h₁ 的梯度取 log₁₀，再对 32 条验证序列")
                .append("取平均：\n\n| 训练的迭代周期数 | 简单循环网络 | LSTM | GRU |\n|---|---|---|---|\n");
        for (int e : GradientNumbers.EPOCHS) {
            md.append("| ").append(e).append(" | ").append(GradientNumbers.f(v, "v_rnn_tanh_grad_e" + e))
                    .append(" | ").append(GradientNumbers.f(v, "v_lstm_grad_e" + e)).append(" | ")
                    .append(GradientNumbers.f(v, "v_gru_grad_e" + e)).append(" |\n");
        }
        md.append("| 准确率，训练前 → 训练后 | ").append(GradientNumbers.accuracy(v, "v_rnn_tanh")).append(" | ")
                .append(GradientNumbers.accuracy(v, "v_lstm")).append(" | ")
                .append(GradientNumbers.accuracy(v, "v_gru")).append(" |\n");
        md.append("\n刚初始化时，简单循环网络的梯度反而比 LSTM 衰减得**少**：Keras 初始化下遗忘门起初约为 σ(1) ≈ ")
                .append(QuotedNumbers.format(v.get("v_lstm_f_e0"), ".2f"))
                .append("，往回走的 49 步里每一步都把梯度缩小。RNN 一旦学会拟合最近几步，它的梯度就一落千丈，也始终没有")
                .append("解决这个任务。LSTM 的梯度后来又回升了，但原因并不是遗忘门都接近 1：所有单元、所有时间步上遗忘门的")
                .append("平均值反而**下降**了，")
                .append(GradientNumbers.change(v, "v_lstm_f"))
                .append("。保持得最久的那个单元学会了保持（它的遗忘门平均值 ")
                .append(GradientNumbers.change(v, "v_lstm_fmax"))
                .append("），沿着它的记忆元通路，从第 50 步回到第 1 步的因子 ∏ f_t 从 10^")
                .append(GradientNumbers.f(v, "v_lstm_cpath_e0")).append(" 变成了 10^")
                .append(GradientNumbers.f(v, "v_lstm_cpath_e3"))
                .append("：梯度在 f ≈ 1 的地方才保留下来，而不是结构本身的保证。")
                .append("在调试器的“梯度”页和“训练”页的梯度图上都可以亲眼看到这一过程。\n\n")
                .append("梯度爆炸同样真实存在：把简单循环网络的循环权重放大 1.5 倍，在正弦波任务上用学习率 0.3 的 SGD 训练")
                .append("（课程 `exploding-gradient`），不裁剪时梯度范数达到 ")
                .append(QuotedNumbers.format(x.get("noclip_max_grad_norm"), ".2e"))
                .append("，验证损失达到 ").append(QuotedNumbers.format(x.get("noclip_loss"), ".2e"))
                .append("；把梯度范数裁剪到 1 之后，验证损失是 ")
                .append(QuotedNumbers.format(x.get("clipped_loss"), ".4f"))
                .append("（Pascanu、Mikolov 与 Bengio 2013）。\n").append(GradientNumbers.END).append('\n');
        return md.toString();
    }

    static final String AFTER_MEASURED = """

            所以准确的说法是：LSTM **缓解**了梯度消失，而不是“没有梯度消失”；它也**不能防止梯度爆炸**，
            训练 LSTM 时照样常用梯度裁剪（“训练”页的“梯度裁剪阈值”）。

            <!-- zh-only -->
            ## 常见误区

            网上流传很广的一些 LSTM 教程里有不少错误。对照下面的方程可以逐条核对：

            1. **输入门不是 tanh。** 三个门 i、f、o 都用 sigmoid，取值在 (0, 1)，它们的作用是按比例“放行”。
               tanh 只出现在候选记忆元 g_t 和输出时的 tanh(c_t) 上。
            2. **LSTM 只有三个门。** g_t 是候选值，不是门；PyTorch 文档把它叫作 “cell gate”，只是一个名字。
               每个门也不是“一个带 tanh 和 sigmoid 的小网络”，而是一次仿射变换加一个 sigmoid。
            3. **记忆元更新之后不再压缩。** 正确的是 `c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t`；有的教程写成
               `C_t = tanh(f·C_{t-1} + i·g)`，再在输出时又取一次 tanh。这样一来，记忆元数到十个脉冲时只会停在 0.961 附近，
               不能计数；沿记忆元连乘 50 步的导数也会缩到 1e-33 量级，恒定误差传送带就不存在了。
            4. **输入只进来一次。** `W·[h_{t-1}, x_t] + b` 与 `W_x·x_t + W_h·h_{t-1} + b` 是同一件事的两种写法，
               不要两者都写，那样 x_t 会进来两次、还多出一个偏置。
            5. **GRU 的两个门是重置门和更新门**，不是“输入门和输出门”。
            6. **LSTM 由 Hochreiter 与 Schmidhuber 于 1997 年提出**（技术报告 1995 年），不是“二十一世纪初”；
               遗忘门是 2000 年由 Gers 等人加入的。
            7. **PyTorch 的 `nn.LSTM` 默认 `batch_first=False`**：输入的第 0 维是时间，不是批量。很多示例代码把
               `out[:, -1, :]` 当作最后一个时间步，实际取到的是最后一个样本。用 `batch_first=True`；
               或者把输入真正排成 (时间步, 批量, 特征)，再取 `out[-1]`（只改成 `out[-1]` 而输入不变，结果仍然是错的）。
               另外，“10 个时间步、每步 1 个特征”时 `input_size = 1`，10 是序列长度。
            """;

    static final String CONVENTIONS = """

            <!-- zh-only -->
            ## 不同资料之间的约定差异

            读论文、教材和框架文档时，下面几处写法不同但都对，不要被它们绊住：

            - **向量的方向。** PyTorch 文档和 Olah 的博客用列向量（`W·x`），Keras 的权重按行向量存（`x·W`，kernel 的形状是 (D, 4H)）。
            - **偏置的个数。** Keras 的 LSTM 只有一个偏置；PyTorch 有 `b_ih` 和 `b_hh` 两个，只有它们的和起作用。
              Keras 的 GRU 在 `reset_after=True`（默认）时也有两组偏置。
            - **GRU 的重置门作用在哪里。** PyTorch 和 Keras（`reset_after=True`）在循环矩阵乘**之后**：
              `r_t ⊙ (W_hn h_{t-1} + b_hn)`；Cho 等人 2014、《动手学深度学习》和 Keras 的 `reset_after=False` 在**之前**：
              `W_hn (r_t ⊙ h_{t-1})`。
            - **z 和 1 − z 谁保留旧状态。** PyTorch 和 Keras：`h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}`；
              Olah 和 Chung 等人的文章把两者对调。
            - **门的顺序。** LSTM 在 PyTorch 和 Keras 中都是 i、f、g（Keras 叫 c）、o；GRU 在 PyTorch 中是 r、z、n，
              在 Keras 中是 z、r、h。导入导出权重时要重新排列。
            """;

    static final String REFERENCES = """

            ## 参考文献

            - S. Hochreiter, J. Schmidhuber. Long short-term memory. *Neural Computation* 9(8):1735–1780, 1997.
            - F. A. Gers, J. Schmidhuber, F. Cummins. Learning to forget: continual prediction with LSTM.
              *Neural Computation* 12(10):2451–2471, 2000.
            - K. Cho, B. van Merriënboer, C. Gulcehre, D. Bahdanau, F. Bougares, H. Schwenk, Y. Bengio. Learning phrase
              representations using RNN encoder–decoder for statistical machine translation. *EMNLP* 2014.
            - J. Chung, C. Gulcehre, K. Cho, Y. Bengio. Empirical evaluation of gated recurrent neural networks on
              sequence modeling. NIPS 2014 Deep Learning Workshop.
            - J. L. Elman. Finding structure in time. *Cognitive Science* 14(2):179–211, 1990.
            - P. J. Werbos. Backpropagation through time: what it does and how to do it. *Proceedings of the IEEE*
              78(10):1550–1560, 1990.
            - Y. Bengio, P. Simard, P. Frasconi. Learning long-term dependencies with gradient descent is difficult.
              *IEEE Transactions on Neural Networks* 5(2):157–166, 1994.
            - R. Pascanu, T. Mikolov, Y. Bengio. On the difficulty of training recurrent neural networks. *ICML* 2013.
            - R. Jozefowicz, W. Zaremba, I. Sutskever. An empirical exploration of recurrent network architectures.
              *ICML* 2015.
            - Q. V. Le, N. Jaitly, G. E. Hinton. A simple way to initialize recurrent networks of rectified linear
              units. arXiv:1504.00941, 2015（本文所用的加法问题变体）。
            - C. Olah. Understanding LSTM networks（博客文章），2015.
            - 阿斯顿·张、李沐、扎卡里·C. 立顿、亚历山大·J. 斯莫拉，《动手学深度学习》，人民邮电出版社（中文术语的来源）。
            - PyTorch 文档：`torch.nn.LSTM`、`torch.nn.GRU`、`torch.nn.RNN`（前向方程与参数布局；引擎在标准测试用例上与
              PyTorch 的结果相差不超过 1e-9）。
            """;
}
