/**
 * What a model may be made to add that no news sentence needs: links,
 * e-mail addresses, phone numbers and instructions to the reader ("请立即访问
 * …", "点击…", "登录…"). The guard drops a claim that carries one its quote
 * does not, so a prompt injection in a page or a hostile endpoint cannot send
 * users anywhere.
 */

/** Links with or without a scheme: https://x.y/z, www.x.y, evil.example/login (ending before Chinese text). */
const URL_RE =
  /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef）)】」”"'<>]+|(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef）)】」”"'<>]*)?/gi;

/** E-mail addresses. */
const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Phone numbers: mobile (+86 138…), landline (0371-6…), service lines (400-…); separators allowed. */
const PHONE_RE = /(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}|0\d{2,3}[-\s]?\d{7,8}|[48]00[-\s]?\d{3}[-\s]?\d{4}/g;

/** Verbs that tell the reader to act on a link, a phone, an account or money. */
const ACTION =
  "访问|点击|点开|打开|登录|登陆|注册|扫码|扫描|下载|安装|拨打|致电|联系|添加|关注|转账|汇款|付款|支付|回复|发送|输入|填写|提交|提供|领取|验证|复制";

/**
 * Instructions to the reader: an action verb after a word that addresses
 * them (请, 务必, 立即, 马上, 尽快, 赶紧, 您), or at the start of a sentence
 * or a clause ("点击链接…"), and the same in English ("click", "log in", "visit").
 */
const INSTRUCTION_RE = new RegExp(
  `(?:请您?|您|务必|立即|立刻|马上|尽快|赶紧|赶快|速)+(?:${ACTION})|(?:^|[。！？!?；;，,：:\\n])\\s*(?:${ACTION})|\\b(?:click|log ?in|sign ?in|visit|call|download)\\b`,
  "gi",
);

/** The links, e-mail addresses, phone numbers and instructions of `claim` that `quote` does not contain. */
export function injectedContent(claim: string, quote: string): string[] {
  const missing: string[] = [];
  const add = (s: string) => {
    const t = s.replace(/^[。！？!?；;，,：:\n\s]+/, "");
    if (t && !quote.toLowerCase().includes(t.toLowerCase()) && !missing.includes(t)) missing.push(t);
  };
  for (const re of [URL_RE, EMAIL_RE, PHONE_RE, INSTRUCTION_RE]) for (const m of claim.matchAll(re)) add(m[0]);
  return missing;
}
