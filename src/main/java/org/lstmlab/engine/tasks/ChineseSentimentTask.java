package org.lstmlab.engine.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sentiment with negation in Chinese, beside the English {@link SentimentTask}: short generated reviews, already cut
 * into words, in three patterns, each with its own negation word.
 * <ul>
 * <li>不 before an adjective: 这部电影 真的 精彩 (good), 这部电影 真的 不 精彩 (bad), 剧情 确实 不 无聊 (good);</li>
 * <li>没 before 让我 and a feeling: 结局 让我 感动 (good), 结局 没 让我 感动 (bad), 配乐 没 让我 失望 (good);</li>
 * <li>别 instead of 赶紧 before an advice: 这部电影 ， 赶紧 去看 (good), 这部电影 ， 别 去看 (bad),
 * 这部电影 ， 别 退票 (good).</li>
 * </ul>
 * In every pattern a negated review is the plain review with the negation word in it and the opposite label, and
 * each sentiment word comes as often with a negation word as without. So no word says anything about the label on
 * its own: a bag of words (any weighting of word counts) gets the negated reviews right only by chance, and a
 * model must read the order, as in the English task.
 * Solved as every {@link NegationTask} is.
 */
public final class ChineseSentimentTask extends NegationTask {
    static final List<String> SUBJECTS = List.of("这部电影", "这部片子", "这部剧", "剧情", "结局", "演员的表演",
            "配乐", "画面");
    /** Subjects that an advice (去看, 退票, ...) can follow. */
    static final List<String> FILMS = List.of("这部电影", "这部片子", "这部剧");
    static final List<String> ADVERBS = List.of("真的", "确实", "实在");
    static final List<String> GOOD_ADJECTIVES = List.of("精彩", "好看", "感人", "有趣", "出色", "动人");
    static final List<String> BAD_ADJECTIVES = List.of("无聊", "难看", "乏味", "拖沓", "糟糕", "平庸");
    static final List<String> GOOD_FEELINGS = List.of("感动", "惊喜", "满意", "开心");
    static final List<String> BAD_FEELINGS = List.of("失望", "后悔", "厌烦", "生气");
    /** Advice that a good film earns (赶紧 去看) and that 别 turns around (别 去看). */
    static final List<String> GOOD_ADVICE = List.of("去看", "买票", "推荐给朋友");
    /** Advice that a bad film earns (赶紧 退票) and that 别 turns around (别 退票). */
    static final List<String> BAD_ADVICE = List.of("退票", "换台", "中途离场");
    static final List<String> OPENINGS = List.of("", "说实话", "我觉得", "老实说");
    static final String BU = "不";
    static final String MEI = "没";
    static final String BIE = "别";
    static final String MAKE_ME = "让我";
    static final String HURRY = "赶紧";
    static final List<String> NEGATIONS = List.of(BU, MEI, BIE);

    /** The vocabulary, in one-hot order: the negation words first. */
    public static final List<String> VOCABULARY = vocabulary(NEGATIONS, List.of(SUBJECTS, ADVERBS, GOOD_ADJECTIVES,
            BAD_ADJECTIVES, GOOD_FEELINGS, BAD_FEELINGS, GOOD_ADVICE, BAD_ADVICE, OPENINGS,
            List.of(MAKE_ME, HURRY, "，", "。")));

    public ChineseSentimentTask() {
        super(VOCABULARY, NEGATIONS, ChineseSentimentTask::review);
    }

    @Override
    public TaskProfile profile() {
        return new TaskProfile("sentiment-zh",
                "Is a short Chinese review positive? 不, 没 and 别 turn the sentiment that follows them around",
                "validation accuracy at least 95 %, and at least 90 % on reviews with 不, 没 or 别",
                16, 0, 0, 0);
    }

    static Review review(SplittableRandom rng) {
        boolean negated = rng.nextBoolean();
        boolean good = rng.nextBoolean();
        List<String> w = new ArrayList<>();
        String opening = pick(OPENINGS, rng);
        if (!opening.isEmpty()) {
            w.add(opening);
            w.add("，");
        }
        switch (rng.nextInt(3)) {
            case 0 -> {  // 不 + adjective
                w.add(pick(SUBJECTS, rng));
                w.add(pick(ADVERBS, rng));
                if (negated) {
                    w.add(BU);
                }
                w.add(pick(good ? GOOD_ADJECTIVES : BAD_ADJECTIVES, rng));
            }
            case 1 -> {  // 没 + 让我 + feeling
                w.add(pick(SUBJECTS, rng));
                if (negated) {
                    w.add(MEI);
                }
                w.add(MAKE_ME);
                w.add(pick(good ? GOOD_FEELINGS : BAD_FEELINGS, rng));
            }
            default -> {  // 赶紧 or 别 + advice
                w.add(pick(FILMS, rng));
                w.add("，");
                w.add(negated ? BIE : HURRY);
                w.add(pick(good ? GOOD_ADVICE : BAD_ADVICE, rng));
            }
        }
        w.add("。");
        return new Review(List.copyOf(w), good != negated, negated);
    }
}
