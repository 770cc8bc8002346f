package org.provkit.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SrcsetTest {

    @Test
    void candidatesWithAndWithoutDescriptors() {
        assertThat(Srcset.urls("img/small.jpg 480w, img/large.jpg 1080w")).containsExactly("img/small.jpg", "img/large.jpg");
        assertThat(Srcset.urls("/img/s-1x.jpg 1x,/img/s-2x.jpg 2x")).containsExactly("/img/s-1x.jpg", "/img/s-2x.jpg");
        assertThat(Srcset.urls("/img/p.webp")).containsExactly("/img/p.webp");
    }

    @Test
    void aCommaRightAfterAUrlEndsItsCandidateAndTheNextStillCounts() {
        assertThat(Srcset.urls("a.jpg, b.jpg 2x")).containsExactly("a.jpg", "b.jpg");
        assertThat(Srcset.urls("a.jpg,, b.jpg")).containsExactly("a.jpg", "b.jpg");
    }

    @Test
    void aDataUrlKeepsItsCommas() {
        assertThat(Srcset.urls("data:image/png;base64,iVBORw0KGgo= 1x, b.png 2x"))
                .containsExactly("data:image/png;base64,iVBORw0KGgo=", "b.png");
    }

    @Test
    void nothingGivesNothing() {
        assertThat(Srcset.urls(null)).isEmpty();
        assertThat(Srcset.urls("  ,  ")).isEmpty();
    }
}
