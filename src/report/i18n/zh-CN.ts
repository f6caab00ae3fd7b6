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

  "overview.rows": "参与聚类的行数",
  "overview.features": "特征数",
  "overview.kSwept": "k 的扫描范围",
  "overview.restarts": "每个 k 重复 {restarts} 次",
  "overview.recommended": "推荐的 k",
  "overview.noKnee": "没有明显拐点",
  "overview.knee": "拐点 k = {knee}",
  "overview.clusters": "簇数",
  "overview.orderedBy": "按 {feature} 排序",
  "overview.silhouette": "平均轮廓系数",
  "overview.silhouetteRows": "基于 {rows} 行",
  "overview.largest": "最大簇占比",
  "overview.mismatchTitle": "本次聚类使用 k = {k}",
  "overview.mismatchBody": "扫描推荐 k = {recommended}；以下画像对应 k = {k}。",

  "facts.clients": "客户数",
  "facts.rfmSegments": "RFM 分群数",
  "facts.largest": "最大：{name}（{share}）",
  "facts.topTier": "最高等级占比",
  "facts.topTierDetail": "{name}，{count} 位客户",
  "facts.gini": "收入基尼系数",
  "facts.giniDetail": "{clients} 的客户贡献 {revenue} 的收入",
  "facts.agreement": "一致性（ARI）",
  "facts.versus": "{a} 与 {b}",
  "facts.ruleSegments": "规则分群",
  "facts.rowsKept": "保留行数",
  "facts.rowsRead": "共读取 {rows} 行",
  "facts.nothing": "没有可显示的结果。",

  "tiers.configStart": "评分卡配置：",
  "tiers.configEnd": "。",
  "tiers.byShare": "按目标占比分级：得分最高的客户先填满第一级的目标占比，依此类推。",
  "tiers.byScore": "按分数门槛分级：客户归入其得分达到门槛的最高等级。",
  "tiers.formulaStart": "得分 = 100 × (",
  "tiers.formulaEnd": ")，各特征先归一化到 0–1，1 为最好。",
  "tiers.histogramCaption": "每 2 分一个区间的客户数，按等级着色。虚线：各等级的起始分数。",
  "tiers.histogramCaptionShares":
    "每 2 分一个区间的客户数，按等级着色。虚线：各等级的起始分数（该等级中的最低得分）。",
  "tiers.histogramAlt":
    "直方图：评分卡得分（0 到 100）的分布，按 {tiers} 个等级着色，共 {clients} 位客户，最高等级{top}占 {topShare}。",
  "tiers.sharesCaptionTargets": "各等级的客户占比：实际（蓝色）与配置的目标（灰色）。",
  "tiers.sharesCaption": "各等级的客户占比。",
  "tiers.sharesAlt": "条形图：各等级的客户占比：{shares}。",
  "tiers.tier": "等级",
  "tiers.otherName": "英文名",
  "tiers.fromScore": "起始分数",
  "tiers.scores": "得分范围",
  "tiers.scoresHelp": "该等级中的最低分与最高分（向下取整）",
  "tiers.clients": "客户数",
  "tiers.actual": "实际占比",
  "tiers.target": "目标占比",
  "tiers.gap": "差距",
  "tiers.gapHelp": "实际占比减目标占比，单位为百分点",
  "tiers.points": "{sign}{points} 个百分点",

  "quality.intro":
    "从三个角度衡量簇的分离程度：轮廓系数（−1 到 1）和 Calinski–Harabasz 指数越大，簇越紧凑、分得越开；Davies–Bouldin 指数越小越好。每个子图的纵轴刻度各自独立。",
  "quality.caption": "虚线和圆圈：推荐的 k = {recommended}。轮廓系数基于 {rows} 行计算。",
  "quality.alt":
    "三幅随 k 变化的折线图：轮廓系数在 k = {bestSilhouette} 时最高（{silhouette}），Calinski–Harabasz 指数在 k = {bestCh} 时最高，Davies–Bouldin 指数在 k = {bestDb} 时最低；推荐 k = {recommended}。",

  "pca.intro":
    "标准化后的数据投影到前两个主成分上，按簇着色。PC1 和 PC2 分别解释了 {pc1} 和 {pc2} 的方差（合计 {together}）。",
  "pca.all": "显示全部 {rows} 行。",
  "pca.sample": "显示 {rows} 行中的 {shown} 行（固定随机种子抽样，每个簇都有代表）。",
  "pca.lowTitle": "该图展示的方差不到一半",
  "pca.lowBody": "在图上重叠的簇，在未展示的维度上可能是分开的；请以轮廓系数和簇画像为准。",
  "pca.alt":
    "散点图：{shown} 行数据在前两个主成分上的分布，按 {clusters} 个簇着色；两个主成分合计解释 {together} 的方差。",

  "silhouette.intro":
    "每个条形代表一行数据：它离本簇比离最近的其他簇近多少（1 = 归属明确，0 = 在边界上，小于 0 = 更接近其他簇）。“刀形”宽而均匀说明簇很稳固；负值尾巴长说明簇之间有重叠。",
  "silhouette.all": "全部 {rows} 行",
  "silhouette.sample": "{rows} 行中固定随机种子抽取的 {sample} 行",
  "silhouette.thinned": "图中绘制 {bars} 个条形（在每个簇内按分位数均匀抽取）。",
  "silhouette.caption": "{sample}的轮廓系数。{thinned}虚线：平均轮廓系数 {mean}。",
  "silhouette.alt":
    "轮廓系数刀形图，共 {clusters} 个簇：平均轮廓系数为 {mean}；最弱的簇是 {weakest}（均值 {weakestMean}，{weakestNegative} 的行为负值）。",
  "silhouette.cluster": "簇",
  "silhouette.rows": "样本行数",
  "silhouette.mean": "平均轮廓系数",
  "silhouette.negative": "负轮廓系数占比",
  "silhouette.negativeHelp": "离其他簇比离本簇更近的行所占比例",

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
  // Seed sensitivity of a clustering (cluster report).
  "title.seeds": "重启次数与随机种子",
  "seeds.spread":
    "k = {k} 时，{restarts} 次 k-means++ 重启中有 {reached} 次达到最优惯量 {best}；最差的一次为 {worst}，比最优高 {spread}。",
  "seeds.agreement":
    "各次重启得到的聚类标签两两之间的调整兰德指数（ARI）平均为 {mean}（最低 {min}；1 表示除簇编号外完全相同）。",
  "seeds.verdictSingle": "只重启了一次，无法判断结果是否依赖随机种子：建议重启 10 次以上。",
  "seeds.verdictEnough": "最优解由 {reached} 次重启得到，再增加重启次数也不太可能找到更好的解。",
  "seeds.verdictMore":
    "只有一次重启得到最优解：增加重启次数可能找到更好的解（可试 {restarts} 次）。",
  "seeds.unstable":
    "各次重启得到的聚类差异较大（平均 ARI 低于 {threshold}）：聚类结果依赖随机种子，解读时需谨慎。",
  "seeds.restart": "重启",
  "seeds.inertia": "惯量",
  "seeds.overBest": "高于最优",
  "seeds.ariToKept": "与保留结果的 ARI",
  "seeds.caption": "每次重启的最终惯量；高亮行为保留的结果（惯量最低的第一次）。",

  // --- lcluster keys (one block per area keeps parallel branches from conflicting) ---
  // --- end lcluster ---

  // --- lrules keys (one block per area keeps parallel branches from conflicting) ---
  // --- end lrules ---

  // --- lperiods keys (one block per area keeps parallel branches from conflicting) ---
  // --- end lperiods ---

  // --- kviews keys (one block per area keeps parallel branches from conflicting) ---
  // Per-k views of the sweep (knife plot beside the PCA map for every k).
  "title.kViews": "各 k 的轮廓系数图与 PCA 图",
  "kviews.intro":
    "对扫描中的每个 k：左图是扫描计算轮廓系数所用的行（{sample}）中各簇的轮廓系数，按大小排序，虚线为均值；右图把其中 {shown} 行投影到前两个主成分上，簇的颜色与左图一致。好的 k 应当每个簇都越过均值线、各簇“刀片”厚度相近、低于零的条很少。",
  "kviews.title": "k = {k}",
  "kviews.titleRecommended": "k = {k}（推荐）",
  "kviews.axisSilhouette": "轮廓系数",
  "kviews.average": "均值 {mean}",
  "kviews.group": "{cluster} · {mean}",
  "kviews.pcAxis": "主成分 {component}（{share}）",
  "kviews.alt": "k = {k}：平均轮廓系数 {mean}；簇 {cluster} 有 {share} 的行轮廓系数低于零。",
  "kviews.altNone": "k = {k}：平均轮廓系数 {mean}；没有轮廓系数低于零的行。",
  // The choosing-k sections (vote, gap, stability per k).
  "title.vote": "各指标的投票",
  "title.gap": "间隙统计量（Gap）",
  "title.stability": "稳定性",
  "choose.agreed": "各指标意见一致",
  "choose.split": "各指标意见分歧",
  "choose.noStructure": "没有明显的聚类结构",
  "choose.verdict": "k = {k}：{confidence}",
  "choose.rowsSample": "固定随机种子抽取的 {rows} 行样本",
  "choose.rowsAll": "全部 {rows} 行",
  "choose.voteCaption": "各指标建议的 k。权重为 0 的指标只作参考，不计票。高亮行与最终推荐不一致。",
  "choose.index": "指标",
  "choose.proposes": "建议的 k",
  "choose.weight": "权重",
  "choose.evidence": "依据",
  "choose.gapIntro":
    "Gap(k) 把簇内离散度与 {references} 组参考数据比较，参考数据在数据的主成分包围盒内均匀抽取，计算基于{rows}。最左边是 k = 1：曲线始终不高于它，说明数据没有聚类结构。",
  "choose.gapCaption": "误差线：±1 个标准误。",
  "choose.gapCaptionPick": "误差线：±1 个标准误。虚线：Gap 选出的 k = {k}。",
  "choose.stabilityIntro":
    "每个 k 都在{rows}的 {resamples} 次自助重抽样上重新拟合；两次重抽样在共同行上的聚类结果之间的调整兰德指数（ARI）反映该 k 的可复现程度（1 表示完全相同；低于约 0.8 说明簇在重抽样之间变动）。",
  "choose.stabilityCaption": "各 k 的两两 ARI 均值及其离散程度（重抽样对之间的标准差）。",
  "choose.k": "k",
  "choose.meanAri": "平均 ARI",
  "choose.spread": "离散程度（标准差）",
  // The profile table, with its per-cluster stability column.
  "profile.intro":
    "每个簇、每个特征的均值，下方灰色为中位数，均为原始单位（已填补缺失值和截尾，未做对数变换和标准化）。",
  "profile.featureHelp": "均值，下方为中位数",
  "profile.cluster": "簇",
  "profile.size": "客户数",
  "profile.share": "占比",
  "profile.stability": "稳定性",
  "profile.stabilityHelp": "各次自助重抽样中与最匹配簇的 Jaccard 相似度均值（fpc::clusterboot）",
  "profile.stabilityCell": "{jaccard} {word}",
  "profile.stabilityNote":
    "稳定性：每个簇在{rows}的 {resamples} 次自助重抽样中与最匹配簇的 Jaccard 相似度均值，按 Hennig（2007）的标准解读：不高于 0.5 为已瓦解，低于 0.6 不可信，低于 0.75 为有一定模式但部分成员存疑，0.75 以上稳定，0.85 以上高度稳定。",
  "stability.dissolved": "已瓦解",
  "stability.notTrustworthy": "不可信",
  "stability.doubtful": "存疑",
  "stability.stable": "稳定",
  "stability.highlyStable": "高度稳定",
  // --- end kviews ---

  // --- a11y keys (one block per area keeps parallel branches from conflicting) ---
  // --- end a11y ---

  // --- vote keys (one block per area keeps parallel branches from conflicting) ---
  // --- end vote ---
};
