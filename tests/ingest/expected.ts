/**
 * The articles of the five sample bulletins, written down by reading the
 * pages (not by running the parser): headline (and kicker/deck), district,
 * event date, the date as printed, and byline. `date: null` where the page
 * gives no day ("近日") or no way to know the year (003 prints no year at all).
 *
 * Year sources: 000 mentions 2026 and "十五五"开局; 001 mentions 2020 and 2024;
 * 002 mentions 2020, 2021 (2035 is a planning target) and "十四五"开局; 004
 * mentions 2019 and 2020.
 */
export interface ExpectedArticle {
  title: string;
  subtitle?: string;
  district: string;
  date: string | null;
  dateText: string | null;
  byline: string | null;
}

export const EXPECTED: Record<string, ExpectedArticle[]> = {
  // 陕州区: headline above body, byline as a trailing line of names.
  "000_dea3d436ae17c0ab.txt": [
    {
      title: "陕州区召开 奋进“十五五”、拼抢“开门红” 推动新一年良好开局动员部署会",
      district: "陕州区",
      date: "2026-02-01",
      dateText: "2月1日",
      byline: "马得嘉",
    },
    { title: "陕州区政府第55次常务会议召开", district: "陕州区", date: null, dateText: "近日", byline: "段磊" },
    {
      title: "陕州区张汭乡：冬春整治焕新颜 宜居家园暖民心",
      district: "陕州区",
      date: null,
      dateText: "连日来",
      byline: "贾斌",
    },
    {
      title: "陕州区总工会：走访送祝福 关爱暖人心",
      district: "陕州区",
      date: null,
      dateText: "近日",
      byline: "樊玉峰 牛婷婷",
    },
    {
      title: "陕州区西张村镇：干群同心战风雪 争分夺秒护民安",
      district: "陕州区",
      date: "2026-01-30",
      dateText: "1月30日",
      byline: "苏娜",
    },
  ],
  // 解放区: "# " headings, two in a row (the first article's body is not on the page), a kicker + headline pair.
  "001_5b95f34c21a8084b.txt": [
    {
      title: "解放区召开全国文明城市常态化创建工作推进会",
      district: "解放区",
      date: null,
      dateText: null,
      byline: null,
    },
    {
      title: "解放区召开大气污染防治攻坚工作推进会",
      district: "解放区",
      date: "2024-11-11",
      dateText: "11月11日",
      byline: "记者张苗 通讯员张光斌",
    },
    { title: "解放区召开第二轮项目谋划汇报会", district: "解放区", date: null, dateText: null, byline: null },
    {
      title: "解放区领导实地督导“三十工程”“550”重点项目建设及园区体制改革工作",
      district: "解放区",
      date: null,
      dateText: null,
      byline: null,
    },
    {
      title: "解放区召开2024年高质量发展考核工作推进会",
      district: "解放区",
      date: "2024-11-16",
      dateText: "11月16日上午",
      byline: "记者翟倩倩 通讯员琚弋翀、刘红梅",
    },
    {
      title: "解放区冬春火灾防控暨安全生产工作部署会召开",
      district: "解放区",
      date: null,
      dateText: null,
      byline: null,
    },
    { title: "焦西街道 筑牢安全基石 护航高质量发展", district: "解放区", date: null, dateText: null, byline: null },
    {
      title: "解放区新时代文明实践项目荣获市一等奖",
      subtitle: "志愿服务结硕果",
      district: "解放区",
      date: null,
      dateText: null,
      byline: null,
    },
    {
      title: "李海燕:履职尽责惠农 勇于担当利民",
      district: "解放区",
      date: null,
      dateText: null,
      byline: "记者 詹长松",
    },
    { title: "牵住项目这个“牛鼻子”", district: "解放区", date: null, dateText: null, byline: "王水涛" },
  ],
  // 卫东区: page banner, a headline whose body is elsewhere, photo captions, photo news, kicker + headline pairs.
  "002_8ee853f1471c0237.txt": [
    {
      title: "精准帮扶 精细服务 卫东区强化重点项目服务保障",
      district: "卫东区",
      date: null,
      dateText: null,
      byline: null,
    },
    {
      title: "卫东区十届人大七次会议举行",
      district: "卫东区",
      date: "2021-02-23",
      dateText: "2月23日至25日",
      byline: "记者王孟鹤 高鸿勋 摄",
    },
    {
      title: "坚持把财力向民生领域倾斜 卫东区全面推进社会事业发展",
      district: "卫东区",
      date: "2021-02-25",
      dateText: "2月25日",
      byline: "记者王孟鹤",
    },
    {
      title: "文明健康教育进万家 卫东区公益宣传扎实有效",
      district: "卫东区",
      date: "2021-02-19",
      dateText: "2月19日",
      byline: "记者王孟鹤",
    },
    { title: "闹元宵 猜灯谜 促和谐", district: "卫东区", date: null, dateText: "昨天下午", byline: "高鸿勋 摄" },
    {
      title: "卫东区政协九届五次会议召开",
      subtitle: "为卫东经济社会发展贡献政协智慧力量",
      district: "卫东区",
      date: "2021-02-22",
      dateText: "2月22日至24日",
      byline: "记者王孟鹤 王京普 摄",
    },
    {
      title: "卫东区坚持以党建高质量推动发展高质量",
      subtitle: "突出抓实政治建设 加强党的全面领导",
      district: "卫东区",
      date: null,
      dateText: null,
      byline: "记者王孟鹤",
    },
  ],
  // 中原区: no year anywhere on the page, so every date stays null; bylines "记者 … 通讯员 …".
  "003_827634933f63f40b.txt": [
    {
      title: "中原区召开全区领导干部会议 学习贯彻习近平总书记重要讲话精神 和全国两会精神",
      district: "中原区",
      date: null,
      dateText: "6月2日",
      byline: "记者 张改华 通讯员 张光明 彭智慧",
    },
    {
      title: "防疫不放松 慰问显关怀 中原区领导开展“六一”慰问活动",
      district: "中原区",
      date: null,
      dateText: "5月28日",
      byline: "记者 张改华 通讯员 冯宇飞 刘赛",
    },
    {
      title: "中原区“红色物业” 工作观摩推进会召开",
      district: "中原区",
      date: null,
      dateText: "5月25日",
      byline: "记者 张改华",
    },
    {
      title: "中原区领导调研国家卫生城市复审等工作 加大督导整治力度 确保全面达标",
      district: "中原区",
      date: null,
      dateText: "5月25日",
      byline: "记者 张改华 通讯员 张黎",
    },
    {
      title: "中原区举办村(社区)党组织书记 “亮赛比”专场比学预选活动",
      district: "中原区",
      date: null,
      dateText: "5月26日",
      byline: "记者 张改华",
    },
    {
      title: "棉纺路街道完成 区十六届人大代表补选工作",
      district: "中原区",
      date: null,
      dateText: "5月26日",
      byline: "记者 张改华 通讯员 唐珂欣 马楚璇",
    },
  ],
  // 山阳区 + 孟州市: narrow columns, headline printed after the body and byline, OCR letter-spacing, photo news.
  "004_bb5894ed695f9a47.txt": [
    {
      title: "山阳区召开“四城联创”工作务虚会",
      district: "山阳区",
      date: "2020-03-27",
      dateText: "3月27日",
      byline: "记者原文钊 通讯员王欢",
    },
    {
      title: "郑小林带队督导检查复学准备工作",
      district: "山阳区",
      date: null,
      dateText: "近日",
      byline: "记者原文钊 通讯员王欢",
    },
    {
      title: "李建超调研黄龙山片区项目推进工作",
      district: "山阳区",
      date: null,
      dateText: "近日",
      byline: "记者原文钊 通讯员李欣",
    },
    {
      title: "山阳区委常委（扩大）会暨理论学习中心组学习会和全区机关党的建设工作会议召开",
      district: "山阳区",
      date: "2020-03-27",
      dateText: "3月27日",
      byline: "记者原文钊 通讯员李欣",
    },
    {
      // Photo news without a headline: titled by its own first sentence's main clause.
      title: "山阳区商务局在焦辉路中石油第一加油站开展了安全演练观摩活动",
      district: "山阳区",
      date: "2020-03-26",
      dateText: "3月26日",
      byline: "廉玮 摄",
    },
    {
      title: "孟州市委常委会暨理论学习中心组学习会召开",
      subtitle: "安排部署近期重点工作",
      district: "孟州市",
      date: "2020-03-28",
      dateText: "3月28日",
      byline: "汤锐",
    },
    {
      title: "卢和平督导“四好农村路”建设工作",
      district: "孟州市",
      date: "2020-03-24",
      dateText: "3月24日下午",
      byline: "孟轩",
    },
    {
      title: "孟州市召开谋划项目专项债券申报工作专题会议",
      district: "孟州市",
      date: "2020-03-26",
      dateText: "3月26日",
      byline: "崔发文",
    },
    {
      title: "孟州市跻身2020中国最具发展潜力百佳县（市）",
      subtitle: "是我省唯一入选的县（市）",
      district: "孟州市",
      date: null,
      dateText: "近日",
      byline: "孟轩",
    },
    {
      title: "黄河流域（孟州段）生态保护巡回法庭揭牌",
      district: "孟州市",
      date: "2020-03-27",
      dateText: "3月27日上午",
      byline: "孟轩",
    },
    { title: "“孟州故事”作品搜集创作活动启动", district: "孟州市", date: null, dateText: "日前", byline: "孟轩" },
  ],
};
