package v2t
import ("testing";"fmt";"os";"strings"
"github.com/parallaxnews/parallax/annotate/syntax")
func TestP(t *testing.T){ m,_:=syntax.Load()
b,_:=os.ReadFile("/tmp/v2t/sents.txt")
for _,txt:=range strings.Split(strings.TrimSpace(string(b)),"\n"){
for _,s:=range m.ParseText(txt){ for i,w:=range s{fmt.Printf("%d %s %s %s %d %s | ",i,w.Text,w.UPOS,w.Lemma,w.Head,w.Rel)}; fmt.Println()}}}
