package markdown

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

const wj = "\u2060"

func TestLiteral(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain words", "plain words"},
		{"*bold* _em_ **strong** ~~gone~~ `code`", `\*bold\* \_em\_ \*\*strong\*\* \~\~gone\~\~ \` + "`code\\`"},
		{"[link](https://evil.example) ![img](http://x/y.png)", `\[link\]\(https:` + wj + `//evil\.example\) \!\[img\]\(http:` + wj + `//x/y\.png\)`},
		{"see https://evil.example or www.evil.example", "see https:" + wj + `//evil\.example or www\.evil\.example`},
		{"@all and @beth.anglin, beth@example.com", "@" + wj + "all and @" + wj + `beth\.anglin, beth@` + wj + `example\.com`},
		{"# heading", `\# heading`},
		{"  - item", `\- item`},
		{"1. item", `1\. item`},
		{"> quote", wj + "> quote"},
		{"| a | b |", `\| a \| b \|`},
		{":smile: :)", ":" + wj + "smile:" + wj + " :" + wj + `\)`},
		{"<b>tag</b> O'Brien \"Co\" AT&T", "<b>tag</b> O'Brien \"Co\" AT&T"},
		{"&amp; &copy; &#38; &#x26; & ;", "&" + wj + "amp; &" + wj + "copy; &" + wj + `\#38; &` + wj + `\#x26; & ;`},
		{`C:\Users\x`, "C:" + wj + `\Users\x`},
		{`a \* b \_ c \`, `a \\\* b \\\_ c \\`},
		{"two\nlines\r\nhere", "two lines here"},
		{"$5 + 3%", `$5 \+ 3%`},
	} {
		assert.Equal(t, c.want, Literal(c.in), c.in)
	}
}

func TestLiteralTakesAnyBytes(t *testing.T) {
	assert.Equal(t, "a\uFFFD:"+wj+`\\`, Literal("a\xff:\\"))
}

func TestLiteralNeverMentions(t *testing.T) {
	for _, text := range []string{"@all", "@here please", "ping @channel.", "@beth"} {
		out := Literal(text)
		assert.NotRegexp(t, `@[A-Za-z]`, out, text)
	}
}

func TestLiteralLinesKeepsTheLines(t *testing.T) {
	assert.Equal(t, "first \\*line\\*\nsecond @"+wj+"all", LiteralLines("first *line*\r\nsecond @all\n"))
}
