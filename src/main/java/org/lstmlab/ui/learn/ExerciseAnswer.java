package org.lstmlab.ui.learn;

/**
 * What the student did on the exercise of a lesson's step, in no language: View ▸ Language makes the Learn tab's
 * view model again, and the new one does it again in its own words, so that the answer and its verdict stay.
 *
 * @param lesson   the lesson's id
 * @param step     the step (from 0)
 * @param typed    the numeric answer as it stands in its field, checked or not
 * @param checked  the number last checked, as typed, or null
 * @param hints    how many hints were asked for
 * @param choice   the choice answered (from 0), or -1
 * @param revealed whether the answer was given away
 */
public record ExerciseAnswer(String lesson, int step, String typed, String checked, int hints, int choice,
                             boolean revealed) {
    /** Does it again on {@code vm}, whose lesson shows the step now. */
    void replay(LearnViewModel vm) {
        for (int k = 0; k < hints; k++) {
            vm.hint();
        }
        if (checked != null) {
            vm.checkNumber(checked);
        }
        if (choice >= 0) {
            vm.choose(choice);
        }
        if (revealed) {
            vm.reveal();
        }
        vm.answerTextProperty().set(typed);
    }
}
