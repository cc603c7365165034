package syndication

import (
	"strings"
	"testing"
)

// Two reports quoting the same six statements in the same order, with a
// line of their own between them, are not rewrites of one another; the
// same texts without quotation marks would be.
func TestIsRewriteIgnoresQuotations(t *testing.T) {
	quotes := []string{
		`"We evacuated every resident of the four villages before the water reached them," the head of the emergencies office said.`,
		`"Two shepherds are still missing and the search goes on through the night," he added.`,
		`"The road to the upper pasture is gone and the bridge below it too," he said.`,
		`"We need more helicopters and more boats from the neighbouring regions," he said.`,
		`"Rain is expected to continue over the valley until Sunday morning," he said.`,
		`"Every family will receive compensation for a damaged house," the governor said.`,
	}
	a := strings.Join(quotes, " Our reporter at the shelter listened. ")
	b := strings.Join(quotes, " A second outlet's team noted this down. ")
	if isRewrite(sentenceStems(a), sentenceStems(b)) {
		t.Error("reports sharing only quotations taken for a rewrite")
	}
	unquote := strings.NewReplacer(`"`, "")
	if !isRewrite(sentenceStems(unquote.Replace(a)), sentenceStems(unquote.Replace(b))) {
		t.Error("the same sentences unquoted not taken for a rewrite")
	}
}
