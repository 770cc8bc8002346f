package org.provkit.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;

/** The index's CJK segmentation loses nothing and leaves no two CJK characters in one token. */
class SearchTextProperties {

    @Property
    void segmentingThenUnsegmentingGivesTheTextBack(@ForAll @Chars({'a', 'é', ' ', '-', '中', '国', 'キ', 'ー', '쿠', '바', '々'})
            @CharRange(from = '\u3040', to = '\u30ff') String text) {
        assertThat(SearchText.unsegment(SearchText.segment(text))).isEqualTo(text);
    }

    @Property
    void noTwoCjkCharactersStayAdjacent(@ForAll @Chars({'x', ' ', '古', '巴', 'ひ', 'カ', '한', '국'}) String text) {
        String segmented = SearchText.segment(text);
        for (int i = 1; i < segmented.length(); i++) {
            assertThat(SearchText.isCjk(segmented.charAt(i - 1)) && SearchText.isCjk(segmented.charAt(i))).isFalse();
        }
        assertThat(SearchText.hasCjk(text)).isEqualTo(text.codePoints().anyMatch(SearchText::isCjk));
    }

    @Property
    void whatIsIndexedOrSearchedHasNoNulAndOnlyWholeCharacters(@ForAll String text) {
        String segmented = SearchText.segment(text);
        assertThat(segmented).doesNotContain("\u0000");
        assertThat(new String(segmented.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(segmented);
    }
}
