/**
 * What a user sees about the bot before pressing Start, on the empty chat
 * screen (setMyDescription, up to 512 characters), registered at start.
 */
export const BOT_DESCRIPTION =
  "区县新闻问答机器人：用中文提问区县报道里的人和事（谁出席、何时何地、多少），我会给出回答，并附上原文句子和出处，点一下就能看全文。还可以看每天的新闻摘要、订阅每日推送。在任何聊天里输入 @我 加问题，可以把回答分享出去。";

/** The short description on the bot's profile and in shared links (setMyShortDescription, up to 120 characters). */
export const BOT_SHORT_DESCRIPTION = "用中文问区县新闻，回答附原文句子和出处；每日新闻摘要与订阅。";
