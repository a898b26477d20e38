/**
 * Recognizing people's names in bylines ("樊玉峰 牛婷婷", "（孟轩）",
 * "记者 张改华 通讯员 张光明") and photo credits ("高鸿勋 摄").
 */

/** Common Chinese surnames (single character). */
const SURNAMES = new Set(
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊母裘亓修邰赫杭况宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧琚原",
);
const COMPOUND_SURNAMES =
  /^(欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|端木|申屠|万俟|轩辕|西门|南宫|独孤|呼延|百里|东郭|闻人|钟离)/;

/** Whether `token` looks like a person's name: 2–4 Chinese characters starting with a surname. */
export function isPersonName(token: string): boolean {
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(token)) return false;
  if (COMPOUND_SURNAMES.test(token)) return true;
  return token.length <= 3 && SURNAMES.has(token[0] as string);
}

/** Whether `token` is 2–4 Chinese characters (a name when the context says so). */
export function isNameShaped(token: string): boolean {
  return /^[\u4e00-\u9fff]{2,4}$/.test(token);
}

/** Role words of a byline, longest first. */
const ROLE =
  /^(本报特约记者|本报记者|本报通讯员|特约记者|见习记者|首席记者|记者|特约通讯员|通讯员|实习生|见习生|撰稿|摄影|摄像|文\/图|图\/文|文图|编辑|作者|供稿|整理|文|图)/;

/**
 * Whether a line is a labelled byline: role words and names only
 * ("记者 张改华 通讯员 张光明", "本报记者 詹长松", "记者原文钊 通讯员王欢",
 * "通讯员琚弋翀、刘红梅").
 */
export function isLabelledByline(line: string): boolean {
  const s = line.trim();
  if (!ROLE.test(s) || s.length > 60 || /[。！？；]/.test(s)) return false;
  const tokens = s.split(/[\s、，,:：/]+/).filter(Boolean);
  let names = 0;
  for (let t of tokens) {
    let m = ROLE.exec(t);
    while (m) {
      t = t.slice(m[0].length);
      m = t ? ROLE.exec(t) : null;
    }
    if (t === "") continue;
    if (!isNameShaped(t)) return false;
    names++;
  }
  return names > 0;
}

/** Whether a line lists only people's names ("樊玉峰 牛婷婷", "苏娜"), each with a known surname. */
export function isNameList(line: string, requireSurname = true): boolean {
  const tokens = line
    .trim()
    .split(/[\s、，,]+/)
    .filter(Boolean);
  if (tokens.length === 0 || tokens.length > 6) return false;
  return tokens.every((t) => (requireSurname ? isPersonName(t) : isNameShaped(t)));
}

/**
 * A byline line → its credit text, or null when the line is no byline.
 * Brackets and the "本报" of "本报记者" are dropped, markers ("□王水涛")
 * too: "（孟轩）" → "孟轩", "本报记者 詹长松" → "记者 詹长松".
 * `strong` bylines are recognized anywhere; bare name lists only where the
 * layout says so (see `parse-page.ts`).
 */
export function parseByline(line: string): { text: string; strong: boolean } | null {
  const s = line.trim();
  const bracket = /^[（(]\s*(.+?)\s*[）)]$/.exec(s);
  if (bracket?.[1] && (isLabelledByline(bracket[1]) || isNameList(bracket[1], false))) {
    return { text: bracket[1].replace(/^本报/, ""), strong: true };
  }
  const marker = /^[□■●◎▲△◆◇]\s*(.+)$/.exec(s);
  if (marker?.[1] && (isLabelledByline(marker[1]) || isNameList(marker[1], false))) {
    return { text: marker[1].replace(/^本报/, ""), strong: true };
  }
  if (isLabelledByline(s)) return { text: s.replace(/^本报/, ""), strong: true };
  if (isNameList(s)) return { text: s, strong: false };
  return null;
}

/**
 * A photo caption ends with its credit ("… 高鸿勋 摄", "…方式。廉玮摄",
 * "（张三 李四 摄）"). Returns the caption text and the photographers, or
 * null when `text` carries no credit.
 */
export function splitPhotoCredit(text: string): { caption: string; credit: string } | null {
  let s = text.trim().replace(/[）)]$/, "");
  const end = /\s*[/／]?\s*摄影?$/.exec(s);
  if (!end) return null;
  s = s.slice(0, end.index).trimEnd();
  const names: string[] = [];
  for (;;) {
    const m = /(?:^|[\s、])([\u4e00-\u9fff]{2,4})$/.exec(s);
    if (!m?.[1] || names.length === 3) break;
    if (names.length > 0 ? !isPersonName(m[1]) : !isNameShaped(m[1])) break;
    names.unshift(m[1]);
    s = s.slice(0, s.length - m[1].length).replace(/[\s、]+$/, "");
  }
  if (names.length === 0) {
    // A name glued to the caption's last sentence ("…处置方式。廉玮").
    for (const len of [3, 2]) {
      const tail = s.slice(-len);
      if (isPersonName(tail) && /[。！？”）)]$/.test(s.slice(0, -len))) {
        names.push(tail);
        s = s.slice(0, -len);
        break;
      }
    }
  }
  if (names.length === 0) return null;
  return { caption: s.replace(/[\s（(]+$/, "").trim(), credit: names.join(" ") };
}
