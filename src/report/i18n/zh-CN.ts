/**
 * 报告的中文消息目录（简体，面向中国的数据分析师）。键与占位符与 `en.ts`
 * 完全相同（有测试检查）；中文没有单复数，`{name}` 直接写数字，量词写在
 * 文本里。术语沿用国内常用说法：最近消费（R）、消费频次（F）、消费金额（M），
 * 肘部法则、轮廓系数、主成分（PCA）。
 */
import type { MessageKey } from "./en.js";

export const ZH_CN: Record<MessageKey, string> = {
  "doc.eyebrow": "segwork 分析报告",
  "doc.contents": "目录",
  "doc.chart": "图表",
  "header.command": "命令",
  "header.source": "数据来源",
  "header.features": "特征",
  "header.rules": "规则",
  "header.generated": "生成时间",
  "header.generatedValue": "{time}，segwork {version}",
  footer: "由 segwork {version} 于 {time} 生成。本文件完全自包含，不从网络加载任何内容。",

  "title.summary": "概要",
  "title.data": "数据与清洗",
  "title.scaling": "标准化",
  "title.elbow": "肘部曲线",
  "title.quality": "各 k 值的质量指标",
  "title.recommendation": "推荐的 k 值",
  "title.silhouette": "各簇的轮廓系数",
  "title.pca": "主成分（PCA）散点图",
  "title.profiles": "簇画像",
  "title.sizes": "各簇规模",
  "title.profileTable": "画像明细表",
  "title.exampleIds": "示例客户编号",
  "title.transactions": "交易记录",
  "title.rfmScores": "RFM 评分",
  "title.rfmSegments": "RFM 客户分群",
  "title.rfmGrid": "最近消费 × 消费频次",
  "title.rfmLint": "分群规则检查",
  "title.thresholds": "阈值规则",
  "title.tiers": "客户等级",
  "title.abc": "ABC 分类",
  "title.clv": "客户终身价值（CLV）",
  "title.valueActivity": "价值 × 活跃度",
  "title.agreement": "规则分群与聚类对比",
  "title.comparisonRules": "用一条规则描述每个簇",
  "title.crosstab": "交叉表",
  "title.disagreements": "分歧客户",
  "title.valueSeparation": "价值区分度",

  "elbow.intro":
    "惯性（簇内平方距离之和）总会随 k 增大而下降；拐点（肘部）之后，再增加簇数收益不大。每个 k 用 k-means++ 初始化重复运行 {restarts} 次（随机种子 {seed}），保留惯性最小的一次。",
  "elbow.captionKnee": "虚线：拐点 k = {knee}（Kneedle 算法）。圆圈：推荐的 k = {recommended}。",
  "elbow.captionNoKnee": "曲线没有明显拐点，因此推荐主要依据轮廓系数。圆圈为推荐的 k。",
  "elbow.altKnee":
    "折线图：k 从 {first} 到 {last} 的惯性，由 {high} 降至 {low}，拐点在 k = {knee}，推荐 k = {recommended}。",
  "elbow.altNoKnee":
    "折线图：k 从 {first} 到 {last} 的惯性，由 {high} 降至 {low}，没有明显拐点；推荐 k = {recommended}。",

  "sizes.caption": "各簇的行数（共 {rows} 行）。",
  "sizes.alt":
    "条形图：{clusters} 个簇的行数，最大的是 {largest}，{size} 行（{share}），最小的是 {smallest}，{smallestSize} 行。",

  "rfm.measure.recency": "最近消费（天）",
  "rfm.measure.frequency": "消费频次（单）",
  "rfm.measure.monetary": "消费金额",
  "rfm.binning.rRfm": "每个指标按分位数切成 {bins} 档评分，与 R 语言 rfm 包（0.3.0）完全一致。",
  "rfm.binning.ntile": "每个指标按排名等分为 {bins} 组（ntile）。",
  "rfm.binning.mean":
    "每个指标优于平均值记 2 分，否则记 1 分（最近消费：距今少于平均的 {recency} 天；消费频次高于 {frequency}；消费金额高于 {monetary}）。",
  "rfm.binning.median":
    "每个指标优于中位数记 2 分，否则记 1 分（最近消费：距今少于中位数 {recency} 天；消费频次高于 {frequency}；消费金额高于 {monetary}）。",
  "rfm.binning.custom": "配置中给定的切分点按原样使用。",
  "rfm.binning.best": "{bins} 分最好：最近消费、消费最频繁、消费金额最高的客户。",
  "rfm.scores.caption": "各指标每个评分的客户数（共 {clients} 位客户）。",
  "rfm.scores.alt":
    "条形图：最近消费、消费频次和消费金额各评分（1 到 {bins}）的客户数（共 {clients} 位客户）；最常见的最近消费评分是 {topRecency} 分，{topRecencyCount} 位客户。",
  "rfm.scores.empty": "部分评分没有客户",
  "rfm.cuts.captionRRfm":
    "每个评分对应的取值。与 R 语言 rfm 包相同，区间左闭右开：恰好落在切分点上的值归入较高的区间。",
  "rfm.cuts.captionRank": "每个评分对应的取值：各排名分组中的最小值与最大值。",
  "rfm.cuts.captionCentre": "每个评分对应的取值：中心值两侧各自的最小值与最大值。",
  "rfm.cuts.score": "评分",
  "rfm.cuts.values": "取值",
  "rfm.cuts.clients": "客户数",
  "rfm.cuts.all": "全部",
  "rfm.cuts.below": "< {cut}",
  "rfm.cuts.from": "≥ {cut}",
  "rfm.cuts.between": "{low} 至 < {high}",

  "segments.intro": "共 {rules} 条分群规则，按顺序首条匹配生效；其中 {used} 条规则有客户。",
  "segments.largest": "最大的分群是“{name}”，占客户的 {share}。",
  "segments.caption": "按规则顺序列出各分群的客户数；“{unmatched}”（灰色）为未匹配任何规则的客户。",
  "segments.alt":
    "条形图：{segments} 个分群的客户数，最大的是“{name}”，{count} 位客户（{share}）；{unmatchedCount} 位客户未匹配任何规则。",
  "segments.tableCaption": "分群按规则顺序排列：客户归入第一个三项评分范围都满足的分群。",
  "segments.segment": "分群",
  "segments.scores": "评分范围",
  "segments.scoresHelp": "最近消费、消费频次、消费金额的评分范围（含端点）",
  "segments.description": "说明",
  "segments.strategy": "运营策略",
  "segments.owner": "负责团队",
  "segments.clients": "客户数",
  "segments.share": "占比",
  "segments.noRule": "未匹配任何规则",
  "segments.unmatchedDescription": "评分不在任何分群规则范围内的客户",
};
